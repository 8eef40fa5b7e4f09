import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbDigestStore } from '#shared/adapters/dynamodb/dynamodb-digest-store.ts';
import { createDigestRecorderHandler } from './digest-recorder.ts';

const table = contactsTable();

/** Lambda entry: real adapters built once per container. */
export const handler = createDigestRecorderHandler({
  digests: new DynamoDbDigestStore(table.documents, table.tableName),
});
