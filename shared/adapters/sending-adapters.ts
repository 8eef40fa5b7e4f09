import { configuredSendRate } from '#shared/nurture/send-rate.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
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
      from: readSetting(SETTINGS.mailFrom),
      configurationSetName: readSetting(SETTINGS.mailConfigurationSet),
    }),
    rateLimiter: new DynamoDbSendRateLimiter({
      client: documents,
      tableName,
      ratePerSecond: configuredSendRate(),
      clock: systemClock,
    }),
  };
}
