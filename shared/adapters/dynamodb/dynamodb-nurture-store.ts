import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { NurtureState } from '#shared/nurture/nurture-state.ts';
import { emptyNurtureState } from '#shared/nurture/nurture-state.ts';
import {
  type DuePage,
  type EmailOutcome,
  type EmailRecord,
  type EmailRef,
  type NurtureStore,
  outcomesWeakerThan,
} from '#shared/nurture/nurture-store.ts';
import { emailKey } from './keys.ts';
import { NURTURE_DUE_INDEX, NURTURE_QUEUE, nurtureKey } from './nurture-keys.ts';
import { conditionalWrite, TableAdapter } from './table-adapter.ts';

const STATE_FIELDS = [
  'status',
  'track',
  'step',
  'enteredAt',
  'lastSentAt',
  'dueAt',
  'stopReason',
  'completedTracks',
  'optIn',
  'suppression',
  'unsubscribedTopics',
  'recentSends',
  'failedAttempts',
  'importHold',
] as const;

/** The stored item of a nurture state at a version, with the due index's keys while something is due. */
export function nurtureItem(state: NurtureState, version: number): Record<string, unknown> {
  const item: Record<string, unknown> = {
    ...nurtureKey(state.contactId),
    entity: 'nurture',
    contactId: state.contactId,
    version,
  };
  for (const field of STATE_FIELDS) item[field] = state[field];
  if (state.dueAt) {
    item[NURTURE_DUE_INDEX.partitionKey] = NURTURE_QUEUE;
    item[NURTURE_DUE_INDEX.sortKey] = state.dueAt;
  }
  return item;
}

/** The stored nurture state of an item, or an empty one (version 0) when there is none. */
export function nurtureStateFromItem(
  contactId: string,
  item: Record<string, unknown> | undefined,
): NurtureState {
  if (!item) return emptyNurtureState(contactId);
  const state: Record<string, unknown> = { ...emptyNurtureState(contactId), version: Number(item.version) };
  for (const field of STATE_FIELDS) if (item[field] !== undefined) state[field] = item[field];
  return state as unknown as NurtureState;
}

/** The nurture store on the contacts table (layout in nurture-keys.ts). */
export class DynamoDbNurtureStore extends TableAdapter implements NurtureStore {
  async load(contactId: string): Promise<NurtureState> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: nurtureKey(contactId), ConsistentRead: true }),
    );
    return nurtureStateFromItem(contactId, Item);
  }

  async save(state: NurtureState, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const item = nurtureItem(state, expectedVersion + 1);
    const written = await conditionalWrite(
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      ),
    );
    return written ? 'saved' : 'conflict';
  }

  async due(now: Date, limit: number, next?: string): Promise<DuePage> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: NURTURE_DUE_INDEX.indexName,
        KeyConditionExpression: '#queue = :queue AND #dueAt <= :now',
        ExpressionAttributeNames: {
          '#queue': NURTURE_DUE_INDEX.partitionKey,
          '#dueAt': NURTURE_DUE_INDEX.sortKey,
        },
        ExpressionAttributeValues: { ':queue': NURTURE_QUEUE, ':now': now.toISOString() },
        Limit: limit,
        ...(next ? { ExclusiveStartKey: JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) } : {}),
      }),
    );
    return {
      contactIds: (page.Items ?? []).map((item) => String(item.contactId)),
      next: page.LastEvaluatedKey
        ? Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64url')
        : undefined,
    };
  }

  async recordEmail(contactId: string, email: EmailRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...emailKey(contactId, email.sentAt, email.messageId), entity: 'email', contactId, ...email },
      }),
    );
  }

  async noteEmailEvent(ref: EmailRef, outcome: Exclude<EmailOutcome, 'sent'>, at: string): Promise<void> {
    const Key = emailKey(ref.contactId, ref.sentAt, ref.messageId);
    const timeAttribute = `${outcome.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}At`;
    // An email not recorded (sent before this feature, or by hand) has nothing to note.
    const ignoreMissing = conditionalWrite;
    await ignoreMissing(
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression: 'SET #at = if_not_exists(#at, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#at': timeAttribute },
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
    const weaker = outcomesWeakerThan(outcome);
    const placeholders = weaker.map((_, index) => `:w${index}`);
    await ignoreMissing(
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression: 'SET outcome = :outcome',
          ConditionExpression: `attribute_exists(pk) AND outcome IN (${placeholders.join(', ')})`,
          ExpressionAttributeValues: {
            ':outcome': outcome,
            ...Object.fromEntries(weaker.map((value, index) => [`:w${index}`, value])),
          },
        }),
      ),
    );
  }
}
