import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { contactKey } from './keys.ts';

/**
 * Every item of one contact's partition (profile, activities, transitions, emails…), strongly
 * consistent, in sort-key order, following pages: one Query per megabyte, never a scan.
 */
export async function readContactPartition(
  client: DynamoDBDocumentClient,
  tableName: string,
  contactId: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: QueryCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': contactKey(contactId).pk },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
