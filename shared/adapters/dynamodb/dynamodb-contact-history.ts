import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContactHistory, ContactHistoryReader } from '#shared/contact/contact-history.ts';
import type { SentEmail, StageTransition } from '#shared/contact/contact-repository.ts';
import { activityFromItem, contactFromItem } from './contact-item.ts';
import { readContactPartition } from './contact-partition.ts';
import { SK_PREFIX } from './keys.ts';

/** A contact's history from its partition: one Query, whatever it holds. */
export class DynamoDbContactHistory implements ContactHistoryReader {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async history(contactId: string): Promise<ContactHistory | undefined> {
    return historyFromItems(await readContactPartition(this.client, this.tableName, contactId));
  }
}

/** Groups the items of one partition into a history; undefined without a profile. */
export function historyFromItems(items: readonly Record<string, unknown>[]): ContactHistory | undefined {
  const profile = items.find((item) => item.sk === 'PROFILE');
  if (!profile) return undefined;
  const withPrefix = (prefix: string) => items.filter((item) => String(item.sk).startsWith(prefix));
  return {
    contact: contactFromItem(profile),
    activities: withPrefix(SK_PREFIX.activity)
      .map(activityFromItem)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)),
    transitions: withPrefix(SK_PREFIX.transition)
      .map(
        (item): StageTransition => ({
          from: item.from as StageTransition['from'],
          to: item.to as StageTransition['to'],
          at: String(item.at),
          by: String(item.by),
          reason: String(item.reason),
        }),
      )
      .sort((a, b) => a.at.localeCompare(b.at)),
    emails: withPrefix(SK_PREFIX.email)
      .map(
        (item): SentEmail => ({
          messageId: String(item.messageId),
          template: String(item.template),
          sentAt: String(item.sentAt),
          outcome: 'sent',
        }),
      )
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
  };
}
