import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbFollowUpStore } from '#shared/adapters/dynamodb/dynamodb-follow-up-store.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { createFollowUpTrackerHandler } from './follow-up-tracker.ts';

const table = contactsTable();

/** Lambda entry: real adapters built once per container. */
export const handler = createFollowUpTrackerHandler({
  followUps: new DynamoDbFollowUpStore(table.documents, table.tableName),
  routing: defaultRoutingConfig,
});
