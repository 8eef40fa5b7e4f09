import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactData } from '#shared/adapters/dynamodb/dynamodb-contact-data.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createAdminApiHandler } from './admin-api.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);

/** Lambda entry: real adapters built once per container. */
export const handler = createAdminApiHandler({
  contacts: new DynamoDbContactRepository(documents, tableName),
  reviews: new DynamoDbReviewQueue(documents, tableName),
  histories: new DynamoDbContactHistory(documents, tableName),
  data: new DynamoDbContactData(documents, tableName),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  readSecret,
  clock: systemClock,
  model: tableConfig(scoringModelKind, { documents, tableName }),
});
