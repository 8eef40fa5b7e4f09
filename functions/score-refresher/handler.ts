import * as z from 'zod/mini';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbActivityOutbox } from '#shared/adapters/dynamodb/dynamodb-activity-outbox.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbRescoreSchedule } from '#shared/adapters/dynamodb/dynamodb-rescore-schedule.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { requireEnv } from '#shared/runtime/environment.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { RESCORE_BATCH_SIZE_ENV } from '#shared/scoring/refresh-stale-scores.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createScoreRefresherHandler } from './score-refresher.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createScoreRefresherHandler({
    contacts: new DynamoDbContactRepository(documents, tableName),
    schedule: new DynamoDbRescoreSchedule(documents, tableName),
    outbox: new DynamoDbActivityOutbox(documents, tableName),
    events: busPublisher(),
    clock: systemClock,
    model: tableConfig(scoringModelKind, { documents, tableName }),
    batchSize: z.coerce
      .number()
      .check(z.int(), z.minimum(1), z.maximum(1000))
      .parse(requireEnv(RESCORE_BATCH_SIZE_ENV), {
        error: () => `${RESCORE_BATCH_SIZE_ENV} must be a whole number from 1 to 1000`,
      }),
  });
});
