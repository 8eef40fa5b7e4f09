import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbFunnelStore } from '#shared/adapters/dynamodb/dynamodb-funnel-store.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createFunnelRecorderHandler } from './funnel-recorder.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createFunnelRecorderHandler({ funnel: new DynamoDbFunnelStore(documents, tableName) });
});
