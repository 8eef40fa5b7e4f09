import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import type { NurtureDeps } from '#shared/nurture/deliver-due.ts';
import { nurtureConfigKind } from '#shared/nurture/nurture-config-kind.ts';
import { senderIdentityFromEnv } from '#shared/nurture/sender-identity.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { readSetting, requiredSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { nurtureGate } from '#shared/sending/nurture-gate.ts';
import { marketingAlerts } from '#shared/sending/sending-alerts.ts';
import { sendingPolicyFromEnv } from '#shared/sending/sending-policy.ts';
import { contactsTable } from './dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from './dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbNoticeLog } from './dynamodb/dynamodb-notice-log.ts';
import { DynamoDbNurtureStore } from './dynamodb/dynamodb-nurture-store.ts';
import { DynamoDbBreakerStore } from './dynamodb/dynamodb-sending-ledger.ts';
import { tableConfig } from './dynamodb/table-config.ts';
import { configurationSetName, sendingAdapters } from './sending-adapters.ts';
import { mailTokens } from './subscription-adapters.ts';

/**
 * Everything the nurture senders need, built once per container from the environment the wiring
 * gives them; a missing setting or secret fails the cold start with its name, not a send later.
 * The nurture configuration is the one in force, read at most once a minute.
 */
export async function nurtureAdapters(): Promise<ReadPerInvocation<NurtureDeps, 'config'>> {
  const table = contactsTable();
  const sending = sendingAdapters(table);
  return {
    contacts: new DynamoDbContactRepository(table.documents, table.tableName),
    store: new DynamoDbNurtureStore(table.documents, table.tableName),
    mailer: sending.mailer,
    rateLimiter: sending.rateLimiter,
    gate: nurtureGate({
      ledger: sending.ledger,
      breaker: new DynamoDbBreakerStore(table.documents, table.tableName, configurationSetName()),
      account: sending.account,
      policy: sendingPolicyFromEnv(),
      clock: systemClock,
      alerts: marketingAlerts({
        mailer: sending.mailer,
        notices: new DynamoDbNoticeLog(table.documents, table.tableName),
        recipients: readSetting(SETTINGS.marketingNotify),
      }),
    }),
    clock: systemClock,
    config: tableConfig(nurtureConfigKind, table),
    tokens: await mailTokens(),
    publicBaseUrl: requiredSetting(SETTINGS.publicBaseUrl),
    sender: senderIdentityFromEnv(),
  };
}
