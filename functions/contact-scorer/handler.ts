import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { dynamoDbOwnerRouting } from '#shared/adapters/dynamodb/dynamodb-round-robin.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createContactScorerHandler } from './contact-scorer.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createContactScorerHandler({
    contacts: new DynamoDbContactRepository(documents, tableName),
    events: busPublisher(),
    clock: systemClock,
    model: tableConfig(scoringModelKind, { documents, tableName }),
    owners: dynamoDbOwnerRouting(documents, tableName, defaultRoutingConfig),
  });
});
