import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RescoreSchedule } from '#shared/scoring/rescore-schedule.ts';
import { RESCORE_DUE_INDEX } from './indexes.ts';

/** The re-score schedule on the sparse RescoreDue index: one Query of at most `limit` entries per run. */
export class DynamoDbRescoreSchedule implements RescoreSchedule {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async due(now: string, limit: number): Promise<string[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: RESCORE_DUE_INDEX.indexName,
        KeyConditionExpression: '#due = :due AND #dueAt <= :now',
        ExpressionAttributeNames: {
          '#due': RESCORE_DUE_INDEX.partitionKey,
          '#dueAt': RESCORE_DUE_INDEX.sortKey,
          '#contactId': 'contactId',
        },
        ExpressionAttributeValues: { ':due': RESCORE_DUE_INDEX.due, ':now': now },
        ProjectionExpression: '#contactId',
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => String(item.contactId));
  }
}
