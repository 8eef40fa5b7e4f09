import { configuredSendRate } from '#shared/nurture/send-rate.ts';
import { replyToFromEnv } from '#shared/nurture/sender-identity.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { optionalEnv, RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import type { ContactsTable } from './dynamodb/contacts-table.ts';
import { DynamoDbSendRateLimiter } from './dynamodb/dynamodb-send-rate-limiter.ts';
import { createSesClient } from './ses-client.ts';
import { sesMailer } from './ses-mailer.ts';

/**
 * The SES mailer and the send-rate limit every sending function shares, from the environment the
 * wiring gives a function with `mail: 'send'` access; a missing setting fails the cold start.
 */
export function sendingAdapters({ documents, tableName }: ContactsTable) {
  return {
    mailer: sesMailer(createSesClient(), {
      from: requireEnv(RESOURCE_ENV.mailFrom),
      replyTo: replyToFromEnv(),
      configurationSetName: optionalEnv(RESOURCE_ENV.mailConfigurationSet),
    }),
    rateLimiter: new DynamoDbSendRateLimiter({
      client: documents,
      tableName,
      ratePerSecond: configuredSendRate(),
      clock: systemClock,
    }),
  };
}
