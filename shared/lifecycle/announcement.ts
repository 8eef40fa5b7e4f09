import type { AnnounceFailure, AnnouncementProgress, Contact } from '#shared/contact/contact.ts';
import type { Announcement } from '#shared/contact/contact-repository.ts';

/**
 * A hand-off whose event was not confirmed on the bus this long after it was saved is announced
 * again (same idempotency key): its first put failed, or its invocation died between the write and
 * the put. The wait keeps a concurrent scorer from announcing a hand-off that is still in flight.
 */
export const ANNOUNCE_RETRY_AFTER_MS = 60_000;

/** After this many failed puts the hand-off is dead-lettered: counted, alarmed, retried slowly. */
export const MAX_ANNOUNCE_ATTEMPTS = 5;

/** How often a dead-lettered hand-off is still tried, so it goes out once its cause is fixed. */
export const DEAD_LETTER_RETRY_MS = 6 * 60 * 60_000;

export type PendingAnnouncement = Announcement & {
  /** When the hand-off was saved. */
  readonly since: string;
  readonly attempts: number;
  readonly lastFailure?: AnnounceFailure;
  readonly deadLetteredAt?: string;
};

/** The contact's current hand-off if its event is not on the bus yet ("qualified, announcement pending"). */
export function pendingAnnouncement(contact: Contact): PendingAnnouncement | undefined {
  const { qualification, review } = contact;
  if (contact.stage === 'prospect' && qualification && !qualification.announcedAt) {
    return {
      kind: 'qualification',
      id: qualification.qualificationId,
      since: qualification.qualifiedAt,
      ...progress(qualification),
    };
  }
  if (contact.stage === 'review' && review && !review.announcedAt) {
    return { kind: 'review', id: review.reviewRequestId, since: review.requestedAt, ...progress(review) };
  }
  return undefined;
}

function progress(record: AnnouncementProgress) {
  return {
    attempts: record.announceAttempts ?? 0,
    ...(record.lastAnnounceFailure ? { lastFailure: record.lastAnnounceFailure } : {}),
    ...(record.deadLetteredAt ? { deadLetteredAt: record.deadLetteredAt } : {}),
  };
}

/** When to try again after `attempts` failed puts: 1, 4, 16, 64 minutes, then every 6 hours. */
export function announceRetryDelayMs(attempts: number): number {
  if (attempts >= MAX_ANNOUNCE_ATTEMPTS) return DEAD_LETTER_RETRY_MS;
  return Math.min(ANNOUNCE_RETRY_AFTER_MS * 4 ** Math.max(0, attempts - 1), DEAD_LETTER_RETRY_MS);
}

/** A failure's cause in words that never carry the detail's values (they hold personal data). */
export function describeAnnounceFailure(error: unknown): string {
  if (error instanceof Error && 'issues' in error && Array.isArray(error.issues)) {
    const paths = error.issues.map((issue: { path?: unknown[] }) => (issue.path ?? []).join('.'));
    return `the event contract refused the detail at ${[...new Set(paths)].join(', ') || 'its root'}`;
  }
  if (error instanceof Error && error.name === 'EventPublishError') return error.message;
  return error instanceof Error
    ? `${error.name} while putting the event`
    : 'unknown error while putting the event';
}
