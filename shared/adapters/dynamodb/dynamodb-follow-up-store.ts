import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FollowUp, FollowUpKind } from '#shared/follow-up/follow-up.ts';
import type { FollowUpStore } from '#shared/follow-up/follow-up-store.ts';

/** Every follow-up in one partition: the open ones are few (pending reviews, untouched prospects). */
const PARTITION = 'FOLLOW_UPS';
export const followUpKey = (contactId: string, kind: FollowUpKind) => ({
  pk: PARTITION,
  sk: `${kind}#${contactId}`,
});
/** A closed follow-up is kept a while (a late, reordered start must find it), then the table's TTL removes it. */
const CLOSED_KEPT_SECONDS = 30 * 86_400;

/** Follow-ups as items `FOLLOW_UPS` / `<kind>#<contactId>`, written on their version. */
export class DynamoDbFollowUpStore implements FollowUpStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async get(contactId: string, kind: FollowUpKind): Promise<FollowUp | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: followUpKey(contactId, kind), ConsistentRead: true }),
    );
    return Item ? followUpOf(Item) : undefined;
  }

  async save(followUp: FollowUp): Promise<'saved' | 'conflict'> {
    const expiresAt = followUp.closedAt
      ? Math.floor(Date.parse(followUp.closedAt) / 1000) + CLOSED_KEPT_SECONDS
      : undefined;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...followUpKey(followUp.contactId, followUp.kind),
            entity: 'follow-up',
            ...followUp,
            version: followUp.version + 1,
            ...(expiresAt ? { expiresAt } : {}),
          },
          ConditionExpression: followUp.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
          ...(followUp.version === 0 ? {} : { ExpressionAttributeValues: { ':version': followUp.version } }),
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'conflict';
      throw error;
    }
  }

  async open(): Promise<FollowUp[]> {
    const open: FollowUp[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':pk': PARTITION },
          ExclusiveStartKey: cursor,
        }),
      );
      open.push(...(page.Items ?? []).map(followUpOf));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return open;
  }
}

function followUpOf(item: Record<string, unknown>): FollowUp {
  const { pk: _pk, sk: _sk, entity: _entity, expiresAt: _expiresAt, ...followUp } = item;
  return followUp as unknown as FollowUp;
}
