import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbNurtureStore } from '#shared/adapters/dynamodb/dynamodb-nurture-store.ts';
import { DynamoDbSendRateLimiter } from '#shared/adapters/dynamodb/dynamodb-send-rate-limiter.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { createSesClient } from '#shared/adapters/ses-client.ts';
import { sesMailer } from '#shared/adapters/ses-mailer.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import type { NurtureDeps } from '#shared/nurture/deliver-due.ts';
import { MAIL_TOKEN_SECRET, MailTokens } from '#shared/nurture/mail-token.ts';
import { configuredSendRate } from '#shared/nurture/send-rate.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { optionalEnv, RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';

/**
 * The real adapters of the functions that send nurture email, built from the environment the wiring
 * gives them. Called once per container, at module scope; a missing setting or secret fails the cold
 * start with its name rather than a send later.
 */
export async function nurtureAdapters(): Promise<NurtureDeps> {
  const documents = createDocumentClient();
  const tableName = requireEnv(RESOURCE_ENV.tableName);
  return {
    contacts: new DynamoDbContactRepository(documents, tableName),
    store: new DynamoDbNurtureStore(documents, tableName),
    mailer: sesMailer(createSesClient(), {
      from: requireEnv(RESOURCE_ENV.mailFrom),
      configurationSetName: optionalEnv(RESOURCE_ENV.mailConfigurationSet),
    }),
    rateLimiter: new DynamoDbSendRateLimiter({
      client: documents,
      tableName,
      ratePerSecond: configuredSendRate(),
      clock: systemClock,
    }),
    clock: systemClock,
    config: defaultNurtureConfig,
    tokens: new MailTokens(await readSecret(MAIL_TOKEN_SECRET)),
    publicBaseUrl: requireEnv(RESOURCE_ENV.publicBaseUrl),
  };
}
