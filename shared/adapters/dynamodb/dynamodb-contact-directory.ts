import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Grade } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type {
  ContactDirectory,
  ContactListEntry,
  ContactListPage,
  ContactListQuery,
} from '#shared/contact/contact-directory.ts';
import { contactIdentity } from '#shared/lifecycle/contact-snapshot.ts';
import { InvalidCursorError } from '#shared/review/review-queue.ts';
import { contactFromItem } from './contact-item.ts';
import {
  CONTACT_LIST_ATTRIBUTES,
  CONTACTS_BY_SCORE_INDEX,
  CONTACTS_BY_UPDATE_INDEX,
  SCORE_GRADE_ATTRIBUTE,
  SEARCH_TEXT_ATTRIBUTE,
} from './contact-list-indexes.ts';
import { contactKey } from './keys.ts';

/** Queries one page may run at most: each stage once, then more for stages that hold the page back. */
const QUERY_BUDGET = 12;
/** Index entries one Query examines (DynamoDB `Limit` counts before the filter), about 100 KB at most. */
const EXAMINED_PER_QUERY = 100;

type Item = Record<string, unknown>;
type Key = Record<string, string | number>;
/** Where a stage's list goes on: after this key, from its start (undefined), or nothing left. */
type Position = Key | undefined | 'done';

interface Stream {
  readonly stage: Stage;
  /** Where the next Query starts. */
  next: Key | undefined;
  /** No Query is left to run for this stage. */
  exhausted: boolean;
  /** Matching entries read and not yet put on the page, in the index's order. */
  readonly buffer: Item[];
  /** Where the next page starts for this stage: nothing before it is left to show. */
  resume: Position;
}

/**
 * The contact list on the ContactsByStageAndUpdate / ContactsByStageAndScore indexes. Each stage is
 * one index partition read in order; a list over several stages merges them, reading from a stage
 * only while it may hold the next entry, so pages come out in one order. A page runs at most
 * {@link QUERY_BUDGET} Queries of {@link EXAMINED_PER_QUERY} entries, so a rare search text returns
 * a short page with a cursor rather than a long wait. The cursor keeps each stage's position.
 */
export class DynamoDbContactDirectory implements ContactDirectory {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async entry(contactId: string): Promise<ContactListEntry | undefined> {
    const names = Object.fromEntries(['stage', ...CONTACT_LIST_ATTRIBUTES].map((a, i) => [`#a${i}`, a]));
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: contactKey(contactId),
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
      }),
    );
    return result.Item ? entryFromItem(result.Item) : undefined;
  }

  async list(query: ContactListQuery): Promise<ContactListPage> {
    const index = query.sort === 'score' ? CONTACTS_BY_SCORE_INDEX : CONTACTS_BY_UPDATE_INDEX;
    const fingerprint = fingerprintOf(query);
    const positions = decodeCursor(query.cursor, fingerprint, query.stages, index.sortKey);
    const streams: Stream[] = query.stages.map((stage) => {
      const position = positions.get(stage);
      return {
        stage,
        next: position === 'done' ? undefined : position,
        exhausted: position === 'done',
        buffer: [],
        resume: position,
      };
    });
    const precedes = (a: Item | Key, b: Item | Key) => compare(a, b, index.sortKey, query.order) < 0;
    let queries = 0;
    const read = async (stream: Stream) => {
      queries += 1;
      const output = await this.client.send(this.queryCommand(query, stream, index));
      stream.buffer.push(...(output.Items ?? []));
      stream.next = output.LastEvaluatedKey as Key | undefined;
      stream.exhausted = stream.next === undefined;
      if (stream.buffer.length === 0) stream.resume = stream.exhausted ? 'done' : stream.next;
    };

    await Promise.all(streams.filter((stream) => !stream.exhausted).map(read));
    const page: Item[] = [];
    while (page.length < query.limit) {
      const best = streams
        .filter((stream) => stream.buffer.length > 0)
        .sort((a, b) => compare(a.buffer[0] as Item, b.buffer[0] as Item, index.sortKey, query.order))[0];
      const head = best?.buffer[0];
      // A stage with nothing buffered may still hold entries that come before the best one so far.
      const holdingBack = streams.filter(
        (stream) =>
          stream.buffer.length === 0 &&
          !stream.exhausted &&
          (head === undefined || (stream.next !== undefined && precedes(stream.next, head))),
      );
      if (holdingBack.length > 0) {
        if (queries + holdingBack.length > QUERY_BUDGET) break;
        await Promise.all(holdingBack.map(read));
        continue;
      }
      if (!best || !head) break;
      best.buffer.shift();
      page.push(head);
      best.resume = keyOf(head, index.sortKey);
      if (best.buffer.length === 0) best.resume = best.exhausted ? 'done' : best.next;
    }
    const finished = streams.every((stream) => stream.resume === 'done');
    return {
      contacts: page.map(entryFromItem),
      nextCursor: finished ? undefined : encodeCursor(fingerprint, streams),
    };
  }

  private queryCommand(
    query: ContactListQuery,
    stream: Stream,
    index: typeof CONTACTS_BY_SCORE_INDEX | typeof CONTACTS_BY_UPDATE_INDEX,
  ): QueryCommand {
    const names: Record<string, string> = { '#stage': index.partitionKey };
    const values: Record<string, unknown> = { ':stage': stream.stage };
    const filters: string[] = [];
    let scoreRange: string | undefined;
    if (query.minScore !== undefined || query.maxScore !== undefined) {
      names['#score'] = CONTACTS_BY_SCORE_INDEX.sortKey;
      if (query.minScore !== undefined) values[':min'] = query.minScore;
      if (query.maxScore !== undefined) values[':max'] = query.maxScore;
      scoreRange =
        query.minScore !== undefined && query.maxScore !== undefined
          ? '#score BETWEEN :min AND :max'
          : query.minScore !== undefined
            ? '#score >= :min'
            : '#score <= :max';
    }
    if (query.text) {
      names['#search'] = SEARCH_TEXT_ATTRIBUTE;
      values[':text'] = query.text;
      filters.push('contains(#search, :text)');
    }
    // Sorted by score, the score range narrows the key condition; otherwise it is a filter.
    const onKey = query.sort === 'score' && scoreRange !== undefined;
    if (scoreRange && !onKey) filters.push(scoreRange);
    return new QueryCommand({
      TableName: this.tableName,
      IndexName: index.indexName,
      KeyConditionExpression: onKey ? `#stage = :stage AND ${scoreRange}` : '#stage = :stage',
      ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: query.order === 'asc',
      Limit: EXAMINED_PER_QUERY,
      ExclusiveStartKey: stream.next,
    });
  }
}

function compare(a: Item | Key, b: Item | Key, sortKey: string, order: ContactListQuery['order']): number {
  const x = a[sortKey] as string | number;
  const y = b[sortKey] as string | number;
  const ascending = x < y ? -1 : x > y ? 1 : String(a.pk).localeCompare(String(b.pk));
  return order === 'asc' ? ascending : -ascending;
}

/** The index position of an entry: the table's keys and the index's, as DynamoDB's LastEvaluatedKey. */
function keyOf(item: Item, sortKey: string): Key {
  return {
    pk: String(item.pk),
    sk: String(item.sk),
    stage: String(item.stage),
    [sortKey]: item[sortKey] as string | number,
  };
}

/** A list row from an index entry, which holds only the projected attributes of the profile. */
function entryFromItem(item: Item): ContactListEntry {
  const contact = contactFromItem(item);
  const score = item[CONTACTS_BY_SCORE_INDEX.sortKey];
  const grade = item[SCORE_GRADE_ATTRIBUTE];
  return {
    ...contactIdentity(contact),
    stage: contact.stage,
    score: typeof score === 'number' ? score : undefined,
    grade: typeof grade === 'string' ? (grade as Grade) : undefined,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}

/** Ties a cursor to the query that made it, so it cannot be replayed against other filters. */
function fingerprintOf(query: ContactListQuery): string {
  const { stages, sort, order, minScore, maxScore, text } = query;
  return createHash('sha256')
    .update(JSON.stringify([stages, sort, order, minScore ?? null, maxScore ?? null, text ?? null]))
    .digest('base64url')
    .slice(0, 16);
}

function encodeCursor(fingerprint: string, streams: readonly Stream[]): string {
  const positions = Object.fromEntries(streams.map((stream) => [stream.stage, stream.resume ?? null]));
  return Buffer.from(JSON.stringify({ f: fingerprint, p: positions })).toString('base64url');
}

function decodeCursor(
  cursor: string | undefined,
  fingerprint: string,
  stages: readonly Stage[],
  sortKey: string,
): Map<Stage, Position> {
  const positions = new Map<Stage, Position>();
  if (cursor === undefined) return positions;
  const invalid = () => new InvalidCursorError('The cursor is not one this API handed out for this search.');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { f, p } = (decoded ?? {}) as { f?: unknown; p?: unknown };
  if (f !== fingerprint || typeof p !== 'object' || p === null) throw invalid();
  const keyNames = ['pk', 'sk', 'stage', sortKey].sort().join(',');
  for (const [stage, position] of Object.entries(p)) {
    if (!stages.includes(stage as Stage)) throw invalid();
    if (position === null || position === 'done') {
      positions.set(stage as Stage, position ?? undefined);
      continue;
    }
    const valid =
      typeof position === 'object' &&
      Object.keys(position).sort().join(',') === keyNames &&
      Object.values(position).every((value) => typeof value === 'string' || typeof value === 'number');
    if (!valid) throw invalid();
    positions.set(stage as Stage, position as Key);
  }
  return positions;
}
