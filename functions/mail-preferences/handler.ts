import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbNurtureStore } from '#shared/adapters/dynamodb/dynamodb-nurture-store.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { MAIL_TOKEN_SECRET, MailTokens } from '#shared/nurture/mail-token.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createMailPreferencesHandler } from './mail-preferences.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);

/** Lambda entry: real adapters built once per container. */
export const handler = createMailPreferencesHandler({
  contacts: new DynamoDbContactRepository(documents, tableName),
  store: new DynamoDbNurtureStore(documents, tableName),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  clock: systemClock,
  config: defaultNurtureConfig,
  tokens: new MailTokens(await readSecret(MAIL_TOKEN_SECRET)),
});
