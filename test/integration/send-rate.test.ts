import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbNoticeLog } from '#shared/adapters/dynamodb/dynamodb-notice-log.ts';
import { DynamoDbNurtureStore } from '#shared/adapters/dynamodb/dynamodb-nurture-store.ts';
import { DynamoDbSendRateLimiter } from '#shared/adapters/dynamodb/dynamodb-send-rate-limiter.ts';
import { emptyNurtureState } from '#shared/nurture/nurture-state.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

let pipeline: LocalPipeline;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  pipeline = await LocalPipeline.start();
  documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: pipeline.runtime.urls.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
});

afterAll(async () => {
  await pipeline?.stop();
});

describe('the send-rate limit on DynamoDB Local', () => {
  it('never hands out more sends in one second than the rate, across concurrent senders', async () => {
    const start = new Date('2026-03-02T09:00:00.000Z');
    const waits: number[] = [];
    const limiter = (rate: number) =>
      new DynamoDbSendRateLimiter({
        client: documents,
        tableName: pipeline.runtime.tableName,
        ratePerSecond: rate,
        clock: () => start,
        wait: async (ms) => {
          waits.push(ms);
        },
      });
    // Two containers sharing the table, ten sends each, at a rate of 2 a second.
    const [a, b] = [limiter(2), limiter(2)];
    const granted = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).acquire(10_000)),
    );
    expect(granted.every(Boolean)).toBe(true);
    const perSecond = new Map<number, number>();
    for (const ms of waits) perSecond.set(ms, (perSecond.get(ms) ?? 0) + 1);
    // The two sends of the current second need no wait; the others wait for their second, 2 at most each.
    expect(waits).toHaveLength(8);
    expect([...perSecond.values()].every((count) => count <= 2)).toBe(true);
    expect([...perSecond.keys()].sort((x, y) => x - y)).toEqual([1000, 2000, 3000, 4000]);
  });

  it('gives up when no second within the allowed wait has room', async () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    const limiter = new DynamoDbSendRateLimiter({
      client: documents,
      tableName: pipeline.runtime.tableName,
      ratePerSecond: 1,
      clock: () => now,
      wait: async () => {},
    });
    expect(await limiter.acquire(0)).toBe(true);
    expect(await limiter.acquire(0)).toBe(false);
    expect(await limiter.acquire(1_000)).toBe(true);
  });
});

describe('the due index on DynamoDB Local', () => {
  it('lists exactly the states with something due by then, oldest first, and forgets them once nothing is due', async () => {
    const store = new DynamoDbNurtureStore(documents, pipeline.runtime.tableName);
    const state = (id: string, dueAt?: string) => ({
      ...emptyNurtureState(id),
      status: 'active' as const,
      dueAt,
    });
    await store.save(state('c_due_late', '2026-03-02T09:30:00.000Z'), 0);
    await store.save(state('c_due_early', '2026-03-02T09:00:00.000Z'), 0);
    await store.save(state('c_not_yet', '2026-03-03T09:00:00.000Z'), 0);
    await store.save(state('c_idle'), 0);
    const now = new Date('2026-03-02T10:00:00.000Z');
    expect((await store.due(now, 10)).contactIds).toEqual(['c_due_early', 'c_due_late']);
    const firstPage = await store.due(now, 1);
    expect(firstPage.contactIds).toEqual(['c_due_early']);
    expect((await store.due(now, 1, firstPage.next)).contactIds).toEqual(['c_due_late']);

    expect(await store.save(state('c_due_early'), 0)).toBe('conflict');
    expect(await store.save(state('c_due_early'), 1)).toBe('saved');
    expect((await store.due(now, 10)).contactIds).toEqual(['c_due_late']);
  });
});

describe('notice claims with a lease on DynamoDB Local (the digest store’s are in its contract test)', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

  it('a notice claim is refused while its lease holds, taken over after it, and never once confirmed', async () => {
    const notices = new DynamoDbNoticeLog(documents, pipeline.runtime.tableName);
    expect(await notices.claim('c_lease', 'review#r_1#abc', at(0), at(1))).toBe(true);
    expect(await notices.claim('c_lease', 'review#r_1#abc', at(0), at(1))).toBe(false);
    // Its invocation died mid-send: once the lease passed, the retry takes the claim over.
    expect(await notices.claim('c_lease', 'review#r_1#abc', at(2), at(3))).toBe(true);
    await notices.confirm('c_lease', 'review#r_1#abc', at(2));
    expect(await notices.claim('c_lease', 'review#r_1#abc', at(30), at(31))).toBe(false);
  });
});
