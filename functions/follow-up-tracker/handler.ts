import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbFollowUpStore } from '#shared/adapters/dynamodb/dynamodb-follow-up-store.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createFollowUpTrackerHandler } from './follow-up-tracker.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createFollowUpTrackerHandler({
    followUps: new DynamoDbFollowUpStore(documents, tableName),
    routing: defaultRoutingConfig,
  });
});
