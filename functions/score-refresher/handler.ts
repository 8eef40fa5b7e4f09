import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbActivityOutbox } from '#shared/adapters/dynamodb/dynamodb-activity-outbox.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbRescoreSchedule } from '#shared/adapters/dynamodb/dynamodb-rescore-schedule.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createScoreRefresherHandler } from './score-refresher.ts';

/** Lost activity announcements relayed per run: they are rare, and the next run takes the rest. */
const RELAY_BATCH_SIZE = 200;

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  const events = busPublisher();
  return createScoreRefresherHandler({
    contacts: new DynamoDbContactRepository(table.documents, table.tableName),
    schedule: new DynamoDbRescoreSchedule(table.documents, table.tableName),
    outbox: new DynamoDbActivityOutbox(table.documents, table.tableName),
    batchSize: RELAY_BATCH_SIZE,
    events,
    clock: systemClock,
    jobs: dynamoDbJobRuntime({
      table,
      events,
      clock: systemClock,
      model: tableConfig(scoringModelKind, table),
    }),
  });
});
