import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import * as z from 'zod/mini';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbActivityOutbox } from '#shared/adapters/dynamodb/dynamodb-activity-outbox.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbRescoreSchedule } from '#shared/adapters/dynamodb/dynamodb-rescore-schedule.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { RESCORE_BATCH_SIZE_ENV } from '#shared/scoring/refresh-stale-scores.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createScoreRefresherHandler } from './score-refresher.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);
const batchSize = z.coerce
  .number()
  .check(z.int(), z.minimum(1), z.maximum(1000))
  .parse(requireEnv(RESCORE_BATCH_SIZE_ENV), {
    error: () => `${RESCORE_BATCH_SIZE_ENV} must be a whole number from 1 to 1000`,
  });

/** Lambda entry: real adapters built once per container. */
export const handler = createScoreRefresherHandler({
  contacts: new DynamoDbContactRepository(documents, tableName),
  schedule: new DynamoDbRescoreSchedule(documents, tableName),
  outbox: new DynamoDbActivityOutbox(documents, tableName),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  clock: systemClock,
  model: tableConfig(scoringModelKind, { documents, tableName }),
  batchSize,
});
