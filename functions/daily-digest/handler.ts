import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbDigestStore } from '#shared/adapters/dynamodb/dynamodb-digest-store.ts';
import { DynamoDbSendRateLimiter } from '#shared/adapters/dynamodb/dynamodb-send-rate-limiter.ts';
import { createSesClient } from '#shared/adapters/ses-client.ts';
import { sesMailer } from '#shared/adapters/ses-mailer.ts';
import { DIGEST_RECIPIENTS_ENV, parseRecipients } from '#shared/digest/send-daily-digest.ts';
import { configuredSendRate } from '#shared/nurture/send-rate.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { optionalEnv, RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createDailyDigestHandler } from './daily-digest.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);

/** Lambda entry: real adapters built once per container. */
export const handler = createDailyDigestHandler({
  digests: new DynamoDbDigestStore(documents, tableName),
  contacts: new DynamoDbContactRepository(documents, tableName),
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
  recipients: parseRecipients(optionalEnv(DIGEST_RECIPIENTS_ENV)),
});
