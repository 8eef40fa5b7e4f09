import type { EventPublisher } from '#shared/activity/event-publisher.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { Activity } from './activity.ts';
import { activityRecordedEvent } from './record-activity.ts';

/** What "Contact Activity Recorded" needs of an activity: ids and kind, never personal data. */
export type AnnouncedActivity = Pick<
  Activity,
  'activityId' | 'contactId' | 'type' | 'channel' | 'occurredAt' | 'recordedAt'
>;

/**
 * The transactional outbox of "Contact Activity Recorded": recording an activity writes its entry in
 * the same transaction, and putting the event removes it. An entry that outlives the grace period
 * means the event was lost (a crash or an error between the write and PutEvents, with a caller that
 * will not retry: a browser form, an engagement event already acknowledged).
 */
export interface ActivityOutbox {
  /** Entries of activities recorded before `recordedBefore`, oldest first, at most `limit`. */
  unannounced(recordedBefore: string, limit: number): Promise<AnnouncedActivity[]>;
}

/** Longer than any intake's timeout, so an entry whose put is still in flight is never relayed. */
export const OUTBOX_GRACE_MS = 2 * 60_000;

export interface RelayDeps {
  readonly outbox: ActivityOutbox;
  readonly contacts: Pick<ContactRepository, 'markActivityAnnounced'>;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly batchSize: number;
}

/**
 * Puts "Contact Activity Recorded" again for every activity whose event was lost, then clears its
 * entry. Consumers are idempotent, so the rare relay of an event that did go out costs one re-score.
 */
export async function relayUnannouncedActivities(deps: RelayDeps): Promise<number> {
  const recordedBefore = new Date(deps.clock().getTime() - OUTBOX_GRACE_MS).toISOString();
  const pending = await deps.outbox.unannounced(recordedBefore, deps.batchSize);
  for (const activity of pending) {
    await deps.events.publish([activityRecordedEvent(activity)]);
    await deps.contacts.markActivityAnnounced(activity);
  }
  return pending.length;
}
