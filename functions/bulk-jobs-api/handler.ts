import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createBulkJobsApiHandler } from './bulk-jobs-api.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  return createBulkJobsApiHandler({
    runtime: dynamoDbJobRuntime({
      table,
      events: busPublisher(),
      clock: systemClock,
      model: tableConfig(scoringModelKind, table),
    }),
    readSecret,
  });
});
