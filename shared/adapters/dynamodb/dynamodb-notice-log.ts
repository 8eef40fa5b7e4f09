import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { NoticeLog } from '#shared/notify/notice-log.ts';

const noticeKey = (contactId: string, key: string) => ({ pk: `CONTACT#${contactId}`, sk: `NOTICE#${key}` });

/** Notice claims as items in the contact's partition (`NOTICE#<kind>#<id>#<recipient>`). */
export class DynamoDbNoticeLog implements NoticeLog {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async claim(contactId: string, key: string, at: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...noticeKey(contactId, key), entity: 'notice', contactId, claimedAt: at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async release(contactId: string, key: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: noticeKey(contactId, key) }));
  }
}
