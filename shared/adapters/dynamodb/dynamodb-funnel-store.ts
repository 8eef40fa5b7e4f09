import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  FUNNEL_COUNTERS,
  type FunnelCounter,
  type FunnelDay,
  type FunnelEntry,
  zeroCounts,
} from '#shared/funnel/funnel-counters.ts';
import type { FunnelStore } from '#shared/funnel/funnel-store.ts';
import { bucketOf } from '#shared/funnel/time-to-qualify.ts';
import { contactKey } from './keys.ts';

/**
 * Each day's counts are spread over this many items, so concurrent counts of one day rarely touch
 * the same item (a transaction that meets another on an item is cancelled and retried). A year of
 * days is then about 2,900 small items: a bounded read of a few hundred kilobytes.
 */
const SHARDS = 8;
const MAX_CONFLICT_RETRIES = 6;
const TTQ_PREFIX = 'ttq';

/**
 * The funnel on the contacts table:
 *
 *   pk = FUNNEL                sk = DAY#<YYYY-MM-DD>#<shard>   one day's counters (a shard of them)
 *   pk = CONTACT#<contactId>   sk = FUNNEL#<key>               a fact counted, so it is counted once
 *
 * The marker and the counters are written in one transaction: a fact is counted exactly once,
 * whatever the redeliveries and replays. Markers live in the contact's partition and leave with it.
 */
export class DynamoDbFunnelStore implements FunnelStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async count(entry: FunnelEntry): Promise<'counted' | 'duplicate'> {
    const day = entry.at.slice(0, 10);
    const names: Record<string, string> = { '#entity': 'entity', '#day': 'day' };
    const values: Record<string, unknown> = { ':entity': 'funnelDay', ':day': day, ':one': 1 };
    const additions = entry.counters.map((counter, index) => {
      names[`#c${index}`] = counter;
      return `#c${index} :one`;
    });
    if (entry.hoursToQualify !== undefined) {
      names['#ttq'] = `${TTQ_PREFIX}${bucketOf(entry.hoursToQualify)}`;
      additions.push('#ttq :one');
    }
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...markerKey(entry.contactId, entry.key),
              entity: 'funnelMark',
              contactId: entry.contactId,
              day,
              counters: [...entry.counters],
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: { pk: 'FUNNEL', sk: `DAY#${day}#${shardOf(entry.contactId)}` },
            UpdateExpression: `SET #entity = :entity, #day = :day ADD ${additions.join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ],
    });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.client.send(command);
        return 'counted';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (codes[0] === 'ConditionalCheckFailed') return 'duplicate';
        if (!codes.includes('TransactionConflict') || attempt >= MAX_CONFLICT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt * Math.random()));
      }
    }
  }

  async counted(contactId: string, key: string): Promise<boolean> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: markerKey(contactId, key),
        ProjectionExpression: 'pk',
      }),
    );
    return result.Item !== undefined;
  }

  async contactCreatedAt(contactId: string): Promise<string | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: contactKey(contactId),
        ProjectionExpression: 'createdAt',
      }),
    );
    const createdAt = result.Item?.createdAt;
    return typeof createdAt === 'string' ? createdAt : undefined;
  }

  async days(from: string, to: string): Promise<FunnelDay[]> {
    const byDay = new Map<string, DaySum>();
    let startKey: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :funnel AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':funnel': 'FUNNEL', ':from': `DAY#${from}`, ':to': `DAY#${to}#~` },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const day = String(item.day);
        byDay.set(day, addShard(byDay.get(day) ?? { counts: zeroCounts(), hoursToQualify: {} }, item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return [...byDay]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, sum]) => ({ day, counts: sum.counts, hoursToQualify: sum.hoursToQualify }));
  }
}

interface DaySum {
  readonly counts: Record<FunnelCounter, number>;
  readonly hoursToQualify: Record<number, number>;
}

/** Adds one shard item of a day to the day's sums. */
function addShard(sum: DaySum, item: Record<string, unknown>): DaySum {
  for (const counter of FUNNEL_COUNTERS)
    sum.counts[counter] = (sum.counts[counter] ?? 0) + numberOf(item[counter]);
  for (const [name, value] of Object.entries(item)) {
    const bucket = new RegExp(`^${TTQ_PREFIX}(\\d+)$`).exec(name)?.[1];
    if (bucket === undefined) continue;
    sum.hoursToQualify[Number(bucket)] = (sum.hoursToQualify[Number(bucket)] ?? 0) + numberOf(value);
  }
  return sum;
}

function markerKey(contactId: string, key: string) {
  return { pk: contactKey(contactId).pk, sk: `FUNNEL#${key}` };
}

function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** A stable shard per contact, so one contact's facts of a day land on one item. */
function shardOf(contactId: string): number {
  let hash = 0;
  for (const char of contactId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % SHARDS;
}
