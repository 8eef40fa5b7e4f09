import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { eventBridgePublisher, outgoing } from '#shared/adapters/event-publisher.ts';
import { METRICS, METRICS_ENV } from '#shared/runtime/metric-names.ts';

const eventBridge = mockClient(EventBridgeClient);
const activity = (n: number) =>
  outgoing(contactActivityRecorded, {
    version: 1,
    contactId: `c_${n}`,
    activityId: `a_${n}`,
    activityType: 'newsletter_signup',
    channel: 'web-form',
    occurredAt: '2026-03-02T10:00:00.000Z',
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
    const lines = await emfLinesDuring(() => publisher.publish([activity(1), activity(2), activity(3)]));
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
    expect(await emfLinesDuring(() => publisher.publish([activity(1)]))).toEqual([]);
  });

  it('counts nothing when the put failed', async () => {
    vi.stubEnv(METRICS_ENV.namespace, 'leadflow');
    eventBridge.on(PutEventsCommand).rejects(new Error('unavailable'));
    const publisher = eventBridgePublisher(new EventBridgeClient({}), 'bus');
    const lines = await emfLinesDuring(() => publisher.publish([activity(1)]).catch(() => undefined));
    expect(lines).toEqual([]);
  });
});
