import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import type { NurtureDeps } from '#shared/nurture/deliver-due.ts';
import { nurtureConfigKind } from '#shared/nurture/nurture-config-kind.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { requiredSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { contactsTable } from './dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from './dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbNurtureStore } from './dynamodb/dynamodb-nurture-store.ts';
import { tableConfig } from './dynamodb/table-config.ts';
import { sendingAdapters } from './sending-adapters.ts';
import { mailTokens } from './subscription-adapters.ts';

/**
 * Everything the nurture senders need, built once per container from the environment the wiring
 * gives them; a missing setting or secret fails the cold start with its name, not a send later.
 * The nurture configuration is the one in force, read at most once a minute.
 */
export async function nurtureAdapters(): Promise<ReadPerInvocation<NurtureDeps, 'config'>> {
  const table = contactsTable();
  return {
    contacts: new DynamoDbContactRepository(table.documents, table.tableName),
    store: new DynamoDbNurtureStore(table.documents, table.tableName),
    ...sendingAdapters(table),
    clock: systemClock,
    config: tableConfig(nurtureConfigKind, table),
    tokens: await mailTokens(),
    publicBaseUrl: requiredSetting(SETTINGS.publicBaseUrl),
  };
}
