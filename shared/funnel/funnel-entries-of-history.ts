import type { ContactHistory } from '#shared/contact/contact-history.ts';
import type { FunnelEntry } from './funnel-counters.ts';
import { LEAD_KEY, stageMoveCounters } from './record-funnel-event.ts';

const HOUR_MS = 3_600_000;

/**
 * The funnel facts a stored contact's history shows, under the same keys the funnel recorder counts
 * them by, so counting them again (a backfill over contacts stored before the funnel existed, run
 * twice, or beside the live recorder) is a no-op for every fact already counted:
 * - its arrival as a lead, on the day it was created;
 * - each recorded stage move back to lead, to disqualified or to customer;
 * - its qualification, and its pending review request (their ids are stored with the contact).
 * Reviews already decided keep no id to count them by, so a backfill cannot count them once only,
 * and leaves them out.
 */
export function funnelEntriesOfHistory({ contact, activities, transitions }: ContactHistory): FunnelEntry[] {
  const contactId = contact.contactId;
  const entries: FunnelEntry[] = [{ contactId, key: LEAD_KEY, at: contact.createdAt, counters: ['leads'] }];
  for (const transition of transitions) {
    const counters = stageMoveCounters(transition.from, transition.to);
    if (counters.length === 0) continue;
    entries.push({
      contactId,
      key: `transition#${transition.at}#${transition.to}`,
      at: transition.at,
      counters,
    });
  }
  const qualification = contact.qualification;
  if (qualification) {
    const firstAt = activities[0]?.occurredAt;
    const hours = firstAt
      ? (Date.parse(qualification.qualifiedAt) - Date.parse(firstAt)) / HOUR_MS
      : undefined;
    entries.push({
      contactId,
      key: `qualification#${qualification.qualificationId}`,
      at: qualification.qualifiedAt,
      counters: qualification.by.kind === 'person' ? ['prospects', 'prospectsAccepted'] : ['prospects'],
      ...(hours !== undefined && hours >= 0 ? { hoursToQualify: hours } : {}),
    });
  }
  if (contact.review) {
    entries.push({
      contactId,
      key: `review#${contact.review.reviewRequestId}`,
      at: contact.review.requestedAt,
      counters: ['reviews'],
    });
  }
  return entries;
}
