import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbConfigStore } from '#shared/adapters/dynamodb/dynamodb-config-store.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createConfigAdminHandler } from './config-admin.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createConfigAdminHandler({
    store: new DynamoDbConfigStore(documents, tableName),
    clock: systemClock,
    readSecret,
  });
});
