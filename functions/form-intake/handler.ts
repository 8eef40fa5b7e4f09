import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { defaultFormsConfig } from '#shared/intake/default-forms.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createFormIntakeHandler } from './form-intake.ts';

/** Lambda entry: real adapters built once per container, then the HTTP edge. */
export const handler = createFormIntakeHandler({
  contacts: new DynamoDbContactRepository(createDocumentClient(), requireEnv(RESOURCE_ENV.tableName)),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  readSecret,
  clock: systemClock,
  forms: defaultFormsConfig,
});
