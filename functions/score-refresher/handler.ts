import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbActivityOutbox } from '#shared/adapters/dynamodb/dynamodb-activity-outbox.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbRescoreSchedule } from '#shared/adapters/dynamodb/dynamodb-rescore-schedule.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { createScoreRefresherHandler } from './score-refresher.ts';

const table = contactsTable();
/** Lost activity announcements relayed per run: they are rare, and the next run takes the rest. */
const RELAY_BATCH_SIZE = 200;
const events = eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName));

/** Lambda entry: real adapters built once per container. */
export const handler = createScoreRefresherHandler({
  schedule: new DynamoDbRescoreSchedule(table.documents, table.tableName),
  outbox: new DynamoDbActivityOutbox(table.documents, table.tableName),
  contacts: new DynamoDbContactRepository(table.documents, table.tableName),
  batchSize: RELAY_BATCH_SIZE,
  events,
  clock: systemClock,
  jobs: dynamoDbJobRuntime({ table, events, clock: systemClock, model: defaultScoringModel }),
});
