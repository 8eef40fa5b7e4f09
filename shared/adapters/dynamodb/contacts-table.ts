import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { createDocumentClient } from './document-client.ts';

export interface ContactsTable {
  readonly documents: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** The contacts table as the wiring tells a function where it is; built once per container. */
export function contactsTable(): ContactsTable {
  return { documents: createDocumentClient(), tableName: readSetting(SETTINGS.tableName) };
}
