import { replyToFromEnv } from '#shared/nurture/sender-identity.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { countingMailer } from '#shared/sending/counting-mailer.ts';
import { NO_CONFIGURATION_SET } from '#shared/sending/sending-ledger.ts';
import type { ContactsTable } from './dynamodb/contacts-table.ts';
import { DynamoDbSendRateLimiter } from './dynamodb/dynamodb-send-rate-limiter.ts';
import { DynamoDbSendingLedger } from './dynamodb/dynamodb-sending-ledger.ts';
import { sesAccountQuota } from './ses-account-quota.ts';
import { createSesClient } from './ses-client.ts';
import { sesMailer } from './ses-mailer.ts';

/** The configuration set this function sends through, which names its sending ledger. */
export function configurationSetName(): string {
  return readSetting(SETTINGS.mailConfigurationSet) ?? NO_CONFIGURATION_SET;
}

/**
 * The SES mailer (every email counted in the sending ledger), the account's quota as SES reports it,
 * and the send-rate limit every sending function shares, paced at the account's real rate; from the
 * environment the wiring gives a function with `mail: 'send'` access. A missing setting fails the
 * cold start.
 */
export function sendingAdapters({ documents, tableName }: ContactsTable) {
  const ses = createSesClient();
  const configurationSet = readSetting(SETTINGS.mailConfigurationSet);
  const ledger = new DynamoDbSendingLedger(documents, tableName, configurationSetName());
  const account = sesAccountQuota(ses, systemClock);
  return {
    mailer: countingMailer(
      sesMailer(ses, {
        from: readSetting(SETTINGS.mailFrom),
        replyTo: replyToFromEnv(),
        configurationSetName: configurationSet,
      }),
      ledger,
      systemClock,
    ),
    ledger,
    account,
    rateLimiter: new DynamoDbSendRateLimiter({
      client: documents,
      tableName,
      ratePerSecond: () => account.sendRate(),
      clock: systemClock,
    }),
  };
}
