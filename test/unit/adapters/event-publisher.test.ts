import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { EventPublishError, eventBridgePublisher, outgoing } from '#shared/adapters/event-publisher.ts';

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
