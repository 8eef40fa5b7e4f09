import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbActivityOutbox } from '#shared/adapters/dynamodb/dynamodb-activity-outbox.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbRescoreSchedule } from '#shared/adapters/dynamodb/dynamodb-rescore-schedule.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
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
    batchSize: readSetting(SETTINGS.rescoreBatchSize),
  });
});
