import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { historyFromItems } from './dynamodb-contact-history.ts';

/**
 * Every contact with its history, for offline tools (`npm run model -- simulate`). This is the one
 * full scan in leadflow, run by a person on demand, never by a function: it reads the whole table
 * once, page by page, and groups the items by contact.
 */
export async function allContactHistories(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<ContactHistory[]> {
  const partitions = new Map<string, Record<string, unknown>[]>();
  let startKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      const pk = String(item.pk);
      if (!pk.startsWith('CONTACT#')) continue;
      const items = partitions.get(pk) ?? [];
      items.push(item);
      partitions.set(pk, items);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return [...partitions.values()].flatMap((items) => {
    const history = historyFromItems(items);
    return history ? [history] : [];
  });
}
