import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbDigestStore } from '#shared/adapters/dynamodb/dynamodb-digest-store.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createDigestRecorderHandler } from './digest-recorder.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createDigestRecorderHandler({ digests: new DynamoDbDigestStore(documents, tableName) });
});
