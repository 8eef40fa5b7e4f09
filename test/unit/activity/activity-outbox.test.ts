import { describe, expect, it } from 'vitest';
import type { Activity } from '#shared/activity/activity.ts';
import {
  type ActivityOutbox,
  OUTBOX_GRACE_MS,
  relayUnannouncedActivities,
} from '#shared/activity/activity-outbox.ts';
import type { EventPublisher } from '#shared/activity/event-publisher.ts';
import { recordAndAnnounceActivity } from '#shared/activity/record-activity.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

const AT = new Date('2026-03-02T09:00:00.000Z');

/** The outbox over the fake repository: its activities whose event is not known to be out. */
function outboxOf(contacts: InMemoryContactRepository): ActivityOutbox {
  return {
    async unannounced(recordedBefore, limit) {
      return [...contacts.activities.values()]
        .flat()
        .filter(
          (activity) => contacts.unannounced.has(activity.activityId) && activity.recordedAt < recordedBefore,
        )
        .slice(0, limit);
    },
  };
}

const activity = (activityId: string): Activity => ({
  activityId,
  contactId: 'c_1',
  type: 'whitepaper_download',
  channel: 'web-form',
  source: 'html',
  occurredAt: AT.toISOString(),
  recordedAt: AT.toISOString(),
});

const record = (id: string) => ({
  contactId: 'c_1',
  profile: { email: 'a@b.co' },
  answers: {},
  activity: activity(id),
});

const failing: EventPublisher = {
  async publish() {
    throw new Error('the process died before PutEvents');
  },
};

describe('the activity outbox', () => {
  it('keeps the entry of an activity whose event was lost, and clears it once the event is out', async () => {
    const contacts = new InMemoryContactRepository();
    await expect(
      recordAndAnnounceActivity(record('a_lost'), { contacts, events: failing }),
    ).rejects.toThrow();
    await recordAndAnnounceActivity(record('a_sent'), { contacts, events: new RecordingPublisher() });
    expect([...contacts.unannounced]).toEqual(['a_lost']);
  });

  it('relays lost events once the grace period is over, and only then', async () => {
    const contacts = new InMemoryContactRepository();
    await expect(
      recordAndAnnounceActivity(record('a_lost'), { contacts, events: failing }),
    ).rejects.toThrow();
    const events = new RecordingPublisher();
    const relay = (now: Date) =>
      relayUnannouncedActivities({
        outbox: outboxOf(contacts),
        contacts,
        events,
        clock: () => now,
        batchSize: 10,
      });

    expect(await relay(new Date(AT.getTime() + OUTBOX_GRACE_MS - 1))).toBe(0);
    expect(await relay(new Date(AT.getTime() + OUTBOX_GRACE_MS + 1))).toBe(1);
    expect(await relay(new Date(AT.getTime() + OUTBOX_GRACE_MS + 2))).toBe(0);
    expect(events.published).toEqual([
      { detailType: 'Contact Activity Recorded', detail: expect.objectContaining({ activityId: 'a_lost' }) },
    ]);
  });

  it('keeps the entry when the relay itself cannot put the event, for the next run', async () => {
    const contacts = new InMemoryContactRepository();
    await expect(
      recordAndAnnounceActivity(record('a_lost'), { contacts, events: failing }),
    ).rejects.toThrow();
    const later = () => new Date(AT.getTime() + OUTBOX_GRACE_MS + 1);
    await expect(
      relayUnannouncedActivities({
        outbox: outboxOf(contacts),
        contacts,
        events: failing,
        clock: later,
        batchSize: 10,
      }),
    ).rejects.toThrow();
    expect([...contacts.unannounced]).toEqual(['a_lost']);
  });
});
