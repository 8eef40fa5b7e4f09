import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactData } from '#shared/adapters/dynamodb/dynamodb-contact-data.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createAdminApiHandler } from './admin-api.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createAdminApiHandler({
    contacts: new DynamoDbContactRepository(documents, tableName),
    reviews: new DynamoDbReviewQueue(documents, tableName),
    histories: new DynamoDbContactHistory(documents, tableName),
    data: new DynamoDbContactData(documents, tableName),
    events: busPublisher(),
    readSecret,
    clock: systemClock,
    model: tableConfig(scoringModelKind, { documents, tableName }),
  });
});
