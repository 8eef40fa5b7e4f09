import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError, type ReviewPage, type ReviewQueue } from '#shared/review/review-queue.ts';
import { contactFromItem } from './contact-item.ts';
import { REVIEW_QUEUE_INDEX } from './indexes.ts';

/** The review queue on the sparse ReviewQueue index: it holds only contacts in stage `review`. */
export class DynamoDbReviewQueue implements ReviewQueue {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async pending(limit: number, cursor?: string): Promise<ReviewPage> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: REVIEW_QUEUE_INDEX.indexName,
        KeyConditionExpression: '#queue = :pending',
        ExpressionAttributeNames: { '#queue': REVIEW_QUEUE_INDEX.partitionKey },
        ExpressionAttributeValues: { ':pending': REVIEW_QUEUE_INDEX.pending },
        Limit: limit,
        ExclusiveStartKey: cursor === undefined ? undefined : decodeCursor(cursor),
      }),
    );
    return {
      // The index is eventually consistent: an entry may lag its contact by a moment.
      contacts: (page.Items ?? []).filter((item) => item.stage === 'review').map(contactFromItem),
      nextCursor: page.LastEvaluatedKey ? encodeCursor(page.LastEvaluatedKey) : undefined,
    };
  }
}

/** The cursor is the index position, opaque to callers (base64url JSON of the key). */
function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const CURSOR_KEYS = ['pk', 'sk', REVIEW_QUEUE_INDEX.partitionKey, REVIEW_QUEUE_INDEX.sortKey]
  .sort()
  .join(',');

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof key === 'object' &&
      key !== null &&
      Object.keys(key).sort().join(',') === CURSOR_KEYS &&
      Object.values(key).every((value) => typeof value === 'string')
    ) {
      return key as Record<string, unknown>;
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError('The cursor is not one this API handed out.');
}
