import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { type EventPublisher, outgoing } from '#shared/activity/event-publisher.ts';
import type { QualificationAnswers } from '#shared/contact/contact.ts';
import type { ActivityRecord, ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Activity } from './activity.ts';

export interface RecordActivityDeps {
  readonly contacts: ContactRepository;
  readonly events: EventPublisher;
}

/**
 * Records an activity on its contact, once, and announces it with "Contact Activity Recorded" (which
 * the scorer follows). A duplicate writes nothing but announces again: if the first delivery failed
 * after the write and before the event, the provider's retry re-derives the lost event (consumers
 * are idempotent); when no retry comes, the activity's outbox entry, written in the same
 * transaction, has the event relayed (activity-outbox.ts). Forms and engagement signals all go through here.
 */
export async function recordAndAnnounceActivity(
  record: ActivityRecord,
  deps: RecordActivityDeps,
): Promise<'recorded' | 'duplicate'> {
  const outcome = await deps.contacts.recordActivity(record);
  await deps.events.publish([activityRecordedEvent(record.activity)]);
  // The event is out: its outbox entry is done (see activity-outbox.ts for when it is not).
  await deps.contacts.markActivityAnnounced(record.activity);
  return outcome;
}

/** "Contact Activity Recorded" for an activity, whichever intake recorded it. */
export function activityRecordedEvent(
  activity: Pick<Activity, 'contactId' | 'activityId' | 'type' | 'channel' | 'occurredAt'>,
) {
  return outgoing(contactActivityRecorded, {
    version: 1,
    contactId: activity.contactId,
    activityId: activity.activityId,
    activityType: activity.type,
    channel: activity.channel,
    occurredAt: activity.occurredAt,
  });
}

/**
 * When a signal says it happened, if that is a time at all and not in the future; otherwise now.
 * Providers retry for hours, and engagement decays with age, so the provider's time is the truth.
 */
export function occurredAtOf(claimed: string | undefined, now: Date): string {
  const time = claimed === undefined ? Number.NaN : Date.parse(claimed);
  return Number.isFinite(time) && time <= now.getTime() ? new Date(time).toISOString() : now.toISOString();
}

/** The answers that say something: an empty answer must not erase one given earlier. */
export function knownAnswers(answers: QualificationAnswers | undefined): QualificationAnswers {
  return Object.fromEntries(
    Object.entries(answers ?? {}).filter(([, value]) => value && value.trim() !== ''),
  );
}
