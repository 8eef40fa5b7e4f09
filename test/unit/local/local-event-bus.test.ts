import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type EventBridgeEvent, LocalEventBus } from '#infra/local/eventbridge/local-event-bus.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function bus(
  options: { log?: (line: string) => void; retryDelaysMs?: readonly number[] } = {},
): LocalEventBus {
  return new LocalEventBus({
    name: 'leadflow',
    accountId: '123456789012',
    region: 'eu-west-1',
    retryDelaysMs: [5, 5],
    ...options,
  });
}

function recorder(): {
  readonly received: EventBridgeEvent[];
  readonly target: (event: EventBridgeEvent) => Promise<void>;
} {
  const received: EventBridgeEvent[] = [];
  return { received, target: async (event) => void received.push(event) };
}

describe('LocalEventBus.put', () => {
  it('builds the envelope EventBridge delivers', () => {
    const event = bus().put({
      source: 'leadflow',
      detailType: 'Contact Scored',
      detail: { contactId: 'c-1', score: 42 },
      time: new Date('2024-05-01T10:00:00.789Z'),
    });

    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(UUID),
      'detail-type': 'Contact Scored',
      source: 'leadflow',
      account: '123456789012',
      time: '2024-05-01T10:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: { contactId: 'c-1', score: 42 },
    });
  });

  it('gives every event its own id and keeps them oldest first', () => {
    const local = bus();
    const first = local.put({ source: 'a', detailType: 'One', detail: {} });
    const second = local.put({ source: 'a', detailType: 'Two', detail: {}, resources: ['arn:aws:x'] });

    expect(first.id).not.toBe(second.id);
    expect(local.events().map((event) => event['detail-type'])).toEqual(['One', 'Two']);
    expect(second.resources).toEqual(['arn:aws:x']);
  });

  it('serialises the detail as JSON, so producers cannot share objects with consumers', () => {
    const detail = { when: new Date('2024-05-01T10:00:00.000Z'), nested: { n: 1 } };
    const event = bus().put({ source: 'a', detailType: 'T', detail });
    detail.nested.n = 2;

    expect(event.detail).toEqual({ when: '2024-05-01T10:00:00.000Z', nested: { n: 1 } });
  });

  it('refuses a detail that is not a JSON object, as PutEvents does', () => {
    expect(() => bus().put({ source: 'a', detailType: 'T', detail: 'text' })).toThrow(/JSON object/);
    expect(() => bus().put({ source: 'a', detailType: 'T', detail: [1] })).toThrow(/JSON object/);
  });
});

describe('LocalEventBus rules', () => {
  it('delivers to matching rules only, after put has returned', async () => {
    const local = bus();
    const scored = recorder();
    const other = recorder();
    local.addRule({
      name: 'on-scored',
      pattern: { 'detail-type': ['Contact Scored'] },
      target: scored.target,
    });
    local.addRule({ name: 'on-other', pattern: { 'detail-type': ['Something Else'] }, target: other.target });

    const event = local.put({ source: 'leadflow', detailType: 'Contact Scored', detail: { score: 1 } });
    expect(scored.received).toEqual([]);
    await local.idle();

    expect(scored.received).toEqual([event]);
    expect(other.received).toEqual([]);
  });

  it('hands each target its own copy of the event', async () => {
    const local = bus();
    local.addRule({
      name: 'mutator',
      pattern: { source: ['leadflow'] },
      target: async (event) => {
        (event.detail as { score: number }).score = 999;
      },
    });
    local.put({ source: 'leadflow', detailType: 'T', detail: { score: 1 } });
    await local.idle();

    expect(local.events()[0]?.detail).toEqual({ score: 1 });
  });

  it('refuses an invalid pattern and a duplicate rule name', () => {
    const local = bus();
    const { target } = recorder();
    expect(() => local.addRule({ name: 'bad', pattern: { source: 'leadflow' }, target })).toThrow(
      /Rule bad has an invalid event pattern: "source" must be an object or an array/,
    );
    local.addRule({ name: 'twice', pattern: { source: ['leadflow'] }, target });
    expect(() => local.addRule({ name: 'twice', pattern: { source: ['leadflow'] }, target })).toThrow(
      /already exists/,
    );
  });

  it('names its ARN the way PutEvents accepts it', () => {
    expect(bus().arn).toBe('arn:aws:events:eu-west-1:123456789012:event-bus/leadflow');
  });
});

describe('LocalEventBus failing targets', () => {
  it('retries a failing target and stops once it succeeds', async () => {
    const local = bus();
    let calls = 0;
    local.addRule({
      name: 'flaky',
      pattern: { source: ['leadflow'] },
      target: async () => {
        calls += 1;
        if (calls < 3) throw new Error('temporarily unavailable');
      },
    });
    local.put({ source: 'leadflow', detailType: 'T', detail: {} });
    await local.idle();

    expect(calls).toBe(3);
    expect(local.deadLetters()).toEqual([]);
  });

  it('dead-letters after the retries, logging ids but never the detail', async () => {
    const lines: string[] = [];
    const local = bus({ log: (line) => lines.push(line) });
    let calls = 0;
    local.addRule({
      name: 'broken',
      pattern: { source: ['leadflow'] },
      target: async () => {
        calls += 1;
        throw new Error('boom');
      },
    });
    const event = local.put({
      source: 'leadflow',
      detailType: 'Contact Scored',
      detail: { email: 'ada@example.com' },
    });
    await local.idle();

    expect(calls).toBe(3);
    expect(local.deadLetters()).toEqual([{ ruleName: 'broken', event, errorMessage: 'boom', attempts: 3 }]);
    expect(lines.at(-1)).toContain(`dead-lettered rule broken, Contact Scored ${event.id}`);
    expect(lines.join('\n')).not.toContain('ada@example.com');
  });

  it('waits before retrying by default, like a Lambda async invoke', async () => {
    const local = new LocalEventBus({ name: 'leadflow', accountId: '123456789012', region: 'eu-west-1' });
    let calls = 0;
    local.addRule({
      name: 'broken',
      pattern: { source: ['leadflow'] },
      target: async () => {
        calls += 1;
        throw new Error('boom');
      },
    });
    local.put({ source: 'leadflow', detailType: 'T', detail: {} });
    await sleep(100);

    expect(calls).toBe(1);
  });
});

describe('LocalEventBus.idle', () => {
  it('resolves at once when nothing is in flight', async () => {
    await expect(bus().idle()).resolves.toBeUndefined();
  });

  it('waits for deliveries of events that targets put while draining', async () => {
    const local = bus();
    const finished = recorder();
    local.addRule({
      name: 'first-hop',
      pattern: { 'detail-type': ['Lead Captured'] },
      target: async () => {
        await sleep(10);
        local.put({ source: 'leadflow', detailType: 'Contact Scored', detail: {} });
      },
    });
    local.addRule({
      name: 'second-hop',
      pattern: { 'detail-type': ['Contact Scored'] },
      target: async (event) => {
        await sleep(10);
        await finished.target(event);
      },
    });
    local.put({ source: 'leadflow', detailType: 'Lead Captured', detail: {} });
    await local.idle();

    expect(finished.received.map((event) => event['detail-type'])).toEqual(['Contact Scored']);
  });

  it('waits through retries until the event is dead-lettered', async () => {
    const local = bus({ retryDelaysMs: [20, 20] });
    local.addRule({
      name: 'broken',
      pattern: { source: ['leadflow'] },
      target: async () => {
        throw new Error('boom');
      },
    });
    local.put({ source: 'leadflow', detailType: 'T', detail: {} });
    await local.idle();

    expect(local.deadLetters()).toHaveLength(1);
  });
});
