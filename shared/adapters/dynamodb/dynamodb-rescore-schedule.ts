import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RescoreSchedule } from '#shared/scoring/rescore-schedule.ts';
import { RESCORE_DUE_INDEX } from './indexes.ts';

/** The re-score schedule on the sparse RescoreDue index: its oldest entry is one Query of one item. */
export class DynamoDbRescoreSchedule implements RescoreSchedule {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async oldestDue(now: string): Promise<string | undefined> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: RESCORE_DUE_INDEX.indexName,
        KeyConditionExpression: '#due = :due AND #dueAt <= :now',
        ExpressionAttributeNames: {
          '#due': RESCORE_DUE_INDEX.partitionKey,
          '#dueAt': RESCORE_DUE_INDEX.sortKey,
        },
        ExpressionAttributeValues: { ':due': RESCORE_DUE_INDEX.due, ':now': now },
        ProjectionExpression: '#dueAt',
        Limit: 1,
      }),
    );
    const oldest = page.Items?.[0]?.[RESCORE_DUE_INDEX.sortKey];
    return oldest === undefined ? undefined : String(oldest);
  }
}
