import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NoticeLog } from '#shared/notify/notice-log.ts';
import { claimWithLease, confirmClaim } from './leased-claim.ts';

const noticeKey = (contactId: string, key: string) => ({ pk: `CONTACT#${contactId}`, sk: `NOTICE#${key}` });

/**
 * Notice claims as items in the contact's partition (`NOTICE#<kind>#<id>#<recipient>`), leased
 * (see leased-claim.ts).
 */
export class DynamoDbNoticeLog implements NoticeLog {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  claim(contactId: string, key: string, at: string, leaseUntil: string): Promise<boolean> {
    const item = { ...noticeKey(contactId, key), entity: 'notice', contactId, claimedAt: at };
    return claimWithLease(this.client, this.tableName, item, at, leaseUntil);
  }

  confirm(contactId: string, key: string, at: string): Promise<void> {
    return confirmClaim(this.client, this.tableName, noticeKey(contactId, key), at);
  }

  async release(contactId: string, key: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: noticeKey(contactId, key) }));
  }
}
