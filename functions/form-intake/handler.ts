import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { deployedFormsConfig } from '#shared/intake/default-forms.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createFormIntakeHandler } from './form-intake.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createFormIntakeHandler({
    contacts: new DynamoDbContactRepository(documents, tableName),
    events: busPublisher(),
    readSecret,
    clock: systemClock,
    forms: deployedFormsConfig(),
  });
});
