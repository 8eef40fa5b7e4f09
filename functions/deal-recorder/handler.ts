import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createDealRecorderHandler } from './deal-recorder.ts';

const table = contactsTable();

/** Lambda entry: real adapters built once per container. */
export const handler = createDealRecorderHandler({
  contacts: new DynamoDbContactRepository(table.documents, table.tableName),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  clock: systemClock,
  model: tableConfig(scoringModelKind, table),
});
