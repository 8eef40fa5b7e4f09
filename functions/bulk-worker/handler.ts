import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { createBulkWorkerHandler } from './bulk-worker.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createBulkWorkerHandler(
  dynamoDbJobRuntime({
    table: contactsTable(),
    events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
    clock: systemClock,
    model: defaultScoringModel,
  }),
);
