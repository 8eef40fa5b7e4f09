import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { dynamoDbOwnerRouting } from '#shared/adapters/dynamodb/dynamodb-round-robin.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createBulkWorkerHandler } from './bulk-worker.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  return createBulkWorkerHandler(
    dynamoDbJobRuntime({
      table,
      events: busPublisher(),
      clock: systemClock,
      model: tableConfig(scoringModelKind, table),
      owners: dynamoDbOwnerRouting(table.documents, table.tableName, defaultRoutingConfig),
    }),
  );
});
