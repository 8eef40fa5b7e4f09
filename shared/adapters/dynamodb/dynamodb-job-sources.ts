import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dueSlice } from '#shared/bulk/due-slices.ts';
import type { ContactEntry, JobSource, JobSources, SourcePage } from '#shared/bulk/job-source.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { CONTACTS_BY_UPDATE_INDEX, SEARCH_TEXT_ATTRIBUTE } from './contact-list-indexes.ts';
import { historyFromItems } from './dynamodb-contact-history.ts';
import { RESCORE_DUE_INDEX } from './indexes.ts';

type Item = Record<string, unknown>;
type Key = Record<string, unknown>;

/** Pages a due-count estimate reads at most: a lower bound past that, at a bounded cost per job. */
const ESTIMATE_PAGES = 10;

const encode = (key: Key | undefined) => (key ? JSON.stringify(key) : undefined);
const decode = (cursor: string | undefined) => (cursor ? (JSON.parse(cursor) as Key) : undefined);

/**
 * The job sources on the contacts table. Whole-table sources are DynamoDB parallel Scans of the
 * table (segment i of n reads its own share of the key space, so segments never overlap); the
 * re-score schedule is sliced by due time. Each page is one call reading at most `pageSize` items.
 */
export function dynamoDbJobSources(
  client: DynamoDBDocumentClient,
  tableName: string,
  pageSize: number,
): JobSources {
  const indexItemCount = async (indexName: string) => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const count = Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === indexName)?.ItemCount;
    return count === undefined ? undefined : Number(count);
  };

  // The table itself, not the contact-list index: a job's own writes move a contact within that
  // index (its stage and update time are the index's keys), and a Scan would meet it twice. Table
  // keys never change, so each contact is met once; the other items of its partition are read and
  // filtered out, which costs reads but no second write.
  const contacts: JobSource<ContactEntry> = {
    async page({ segment, segments, cursor }) {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          Segment: segment,
          TotalSegments: segments,
          Limit: pageSize,
          FilterExpression: 'sk = :profile AND begins_with(pk, :contact)',
          ProjectionExpression: 'contactId, scoreTotal, #search',
          ExpressionAttributeNames: { '#search': SEARCH_TEXT_ATTRIBUTE },
          ExpressionAttributeValues: { ':profile': 'PROFILE', ':contact': 'CONTACT#' },
          ExclusiveStartKey: decode(cursor),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => ({
          contactId: String(item.contactId),
          has: {
            scoreTotal: item.scoreTotal !== undefined,
            searchText: item[SEARCH_TEXT_ATTRIBUTE] !== undefined,
          },
        })),
        cursor: encode(page.LastEvaluatedKey),
      };
    },
    estimate: () => indexItemCount(CONTACTS_BY_UPDATE_INDEX.indexName),
  };

  const histories: JobSource<ContactHistory> = {
    page: ({ segment, segments, cursor }) =>
      readHistories(client, tableName, pageSize, { segment, segments, startKey: decode(cursor) }),
    estimate: () => indexItemCount(CONTACTS_BY_UPDATE_INDEX.indexName),
  };

  const due: JobSource<{ contactId: string }> = {
    async page({ segment, segments, cursor, input }) {
      const range = dueSlice(segment, segments, String(input.from ?? input.dueBy), String(input.dueBy));
      // More segments than milliseconds to share: this one's slice is empty.
      if (range.from !== undefined && range.from > range.to) return { items: [] };
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: RESCORE_DUE_INDEX.indexName,
          ...dueCondition(range),
          ProjectionExpression: 'contactId',
          Limit: pageSize,
          ExclusiveStartKey: decode(cursor),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => ({ contactId: String(item.contactId) })),
        cursor: encode(page.LastEvaluatedKey),
      };
    },
    async estimate(input) {
      let count = 0;
      let startKey: Key | undefined;
      for (let page = 0; page < ESTIMATE_PAGES; page += 1) {
        const result = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: RESCORE_DUE_INDEX.indexName,
            ...dueCondition({ to: String(input.dueBy) }),
            Select: 'COUNT',
            ExclusiveStartKey: startKey,
          }),
        );
        count += result.Count ?? 0;
        startKey = result.LastEvaluatedKey;
        if (!startKey) break;
      }
      return count;
    },
  };

  return { contacts, histories, due };
}

function dueCondition(range: { from?: string; to: string }) {
  return {
    KeyConditionExpression:
      range.from === undefined
        ? '#due = :due AND #dueAt <= :to'
        : '#due = :due AND #dueAt BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#due': RESCORE_DUE_INDEX.partitionKey, '#dueAt': RESCORE_DUE_INDEX.sortKey },
    ExpressionAttributeValues: {
      ':due': RESCORE_DUE_INDEX.due,
      ':to': range.to,
      ...(range.from === undefined ? {} : { ':from': range.from }),
    },
  };
}

/**
 * One page of contacts with their histories from a parallel Scan segment. A Scan returns a
 * partition's items one after another, so items are grouped by partition key as they come; a
 * partition the page ends in may go on in the next page, so the page stops after the last complete
 * one and the cursor points at its last item (the next piece re-reads the incomplete one). Memory
 * stays at one page plus one partition, whatever the table holds.
 */
async function readHistories(
  client: DynamoDBDocumentClient,
  tableName: string,
  pageSize: number,
  read: { segment: number; segments: number; startKey?: Key },
): Promise<SourcePage<ContactHistory>> {
  const complete: Item[][] = [];
  let current: Item[] = [];
  let startKey = read.startKey;
  for (;;) {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        Segment: read.segment,
        TotalSegments: read.segments,
        Limit: pageSize,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      if (current[0] !== undefined && current[0].pk !== item.pk) {
        complete.push(current);
        current = [];
      }
      current.push(item);
    }
    startKey = page.LastEvaluatedKey;
    if (!startKey) {
      if (current.length > 0) complete.push(current);
      return { items: contactHistories(complete) };
    }
    const last = complete.at(-1)?.at(-1);
    if (last) return { items: contactHistories(complete), cursor: encode({ pk: last.pk, sk: last.sk }) };
    // One partition larger than a page: read on until it ends.
  }
}

function contactHistories(partitions: readonly Item[][]): ContactHistory[] {
  return partitions.flatMap((items) => {
    if (!String(items[0]?.pk).startsWith('CONTACT#')) return [];
    const history = historyFromItems(items);
    return history ? [history] : [];
  });
}
