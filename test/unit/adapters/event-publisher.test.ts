import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { outgoing } from '#shared/activity/event-publisher.ts';
import { EventPublishError, eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { METRICS, METRICS_ENV } from '#shared/runtime/metric-names.ts';

const eventBridge = mockClient(EventBridgeClient);
const detail = (n: number) =>
  outgoing(contactActivityRecorded, {
    version: 1,
    contactId: `c_${n}`,
    activityId: `a_${n}`,
    activityType: 'newsletter_signup',
    channel: 'web-form',
    occurredAt: '2026-03-02T10:00:00.000Z',
  });

describe('eventBridgePublisher', () => {
  beforeEach(() => eventBridge.reset());

  it('puts validated events on the named bus, at most 10 per call', async () => {
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const publisher = eventBridgePublisher(new EventBridgeClient({}), 'leadflow-test');
    await publisher.publish(Array.from({ length: 12 }, (_, n) => detail(n)));
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 2]);
    const first = calls[0]?.args[0].input.Entries?.[0];
    expect(first).toMatchObject({
      EventBusName: 'leadflow-test',
      Source: 'leadflow',
      DetailType: 'Contact Activity Recorded',
    });
    expect(JSON.parse(first?.Detail ?? '{}')).toMatchObject({ contactId: 'c_0' });
  });

  it('retries only the entries PutEvents reported as failed', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: '1' }, { ErrorCode: 'InternalFailure' }] })
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: '2' }] });
    await eventBridgePublisher(new EventBridgeClient({}), 'bus').publish([detail(1), detail(2)]);
    const retried = eventBridge.commandCalls(PutEventsCommand)[1]?.args[0].input.Entries ?? [];
    expect(retried).toHaveLength(1);
    expect(JSON.parse(retried[0]?.Detail ?? '{}')).toMatchObject({ contactId: 'c_2' });
  });

  it('throws when entries still fail after the retries, instead of dropping them', async () => {
    eventBridge
      .on(PutEventsCommand)
      .resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException' }] });
    await expect(eventBridgePublisher(new EventBridgeClient({}), 'bus').publish([detail(1)])).rejects.toThrow(
      EventPublishError,
    );
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(3);
  });

  it('refuses a detail that breaks its contract before calling AWS', async () => {
    const bad = outgoing(contactActivityRecorded, { ...detail(1).detail, contactId: '' });
    await expect(eventBridgePublisher(new EventBridgeClient({}), 'bus').publish([bad])).rejects.toThrow();
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});

interface EmfLine {
  readonly _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] };
  readonly [key: string]: unknown;
}

/** The Embedded Metric Format lines Powertools wrote to stdout during `action`. */
async function emfLinesDuring(action: () => Promise<void>): Promise<EmfLine[]> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await action();
  } finally {
    spy.mockRestore();
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as EmfLine);
}

describe('published-event metrics', () => {
  beforeEach(() => {
    eventBridge.reset();
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
  });
  afterEach(() => vi.unstubAllEnvs());

  it('counts the events put on the bus per detail-type, in the deployment namespace and stage', async () => {
    vi.stubEnv(METRICS_ENV.namespace, 'leadflow');
    vi.stubEnv(METRICS_ENV.stage, 'test');
    const publisher = eventBridgePublisher(new EventBridgeClient({}), 'bus');
    const lines = await emfLinesDuring(() => publisher.publish([detail(1), detail(2), detail(3)]));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line?.[METRICS.eventsPublished]).toBe(3);
    expect(line?.[METRICS.detailTypeDimension]).toBe(contactActivityRecorded.detailType);
    expect(line?.[METRICS.stageDimension]).toBe('test');
    expect(line?._aws.CloudWatchMetrics[0]?.Namespace).toBe('leadflow');
    expect(line?._aws.CloudWatchMetrics[0]?.Dimensions[0]).toEqual(
      expect.arrayContaining([METRICS.detailTypeDimension, METRICS.stageDimension]),
    );
  });

  it('emits nothing when the deployment configured no metrics namespace', async () => {
    vi.stubEnv(METRICS_ENV.namespace, '');
    const publisher = eventBridgePublisher(new EventBridgeClient({}), 'bus');
    expect(await emfLinesDuring(() => publisher.publish([detail(1)]))).toEqual([]);
  });

  it('counts nothing when the put failed', async () => {
    vi.stubEnv(METRICS_ENV.namespace, 'leadflow');
    eventBridge.on(PutEventsCommand).rejects(new Error('unavailable'));
    const publisher = eventBridgePublisher(new EventBridgeClient({}), 'bus');
    const lines = await emfLinesDuring(() => publisher.publish([detail(1)]).catch(() => undefined));
    expect(lines).toEqual([]);
  });
});
