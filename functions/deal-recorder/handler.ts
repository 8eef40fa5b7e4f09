import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createDealRecorderHandler } from './deal-recorder.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createDealRecorderHandler({
    contacts: new DynamoDbContactRepository(documents, tableName),
    events: busPublisher(),
    clock: systemClock,
    model: tableConfig(scoringModelKind, { documents, tableName }),
  });
});
