import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { createBulkJobsApiHandler } from './bulk-jobs-api.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() =>
  createBulkJobsApiHandler({
    runtime: dynamoDbJobRuntime({
      table: contactsTable(),
      events: busPublisher(),
      clock: systemClock,
      model: defaultScoringModel,
    }),
    readSecret,
  }),
);
