import type { ConfigKind } from '#shared/config/config-kind.ts';
import { type CurrentConfig, cachedConfig } from '#shared/config/config-reader.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { type ContactsTable, contactsTable } from './contacts-table.ts';
import { DynamoDbConfigStore } from './dynamodb-config-store.ts';

/** A function's reader of one kind, from the table the wiring names, with the short cache. */
export function tableConfig<T>(
  kind: ConfigKind<T>,
  table: ContactsTable = contactsTable(),
): CurrentConfig<T> {
  const store = new DynamoDbConfigStore(table.documents, table.tableName);
  return cachedConfig(kind, (name) => store.current(name), { clock: systemClock });
}
