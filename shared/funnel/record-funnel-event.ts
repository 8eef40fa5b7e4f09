import type { contactScored } from '#events/contact-scored.ts';
import type { DetailOf } from '#events/contract.ts';
import type { leadReviewRequested } from '#events/lead-review-requested.ts';
import type { prospectQualified } from '#events/prospect-qualified.ts';
import type { FunnelCounter, FunnelEntry } from './funnel-counters.ts';
import type { FunnelStore } from './funnel-store.ts';

/** The key a contact's lead entry is counted under: each contact is a new lead once. */
export const LEAD_KEY = 'lead';

const HOUR_MS = 3_600_000;

/**
 * Counts what a "Contact Scored" event tells the funnel: the contact's arrival as a lead (once, on
 * the day it was created), and a move back to lead, to disqualified or to customer. Reviews and
 * qualifications are counted from their own hand-off events, which are re-announced until
 * delivered, so none is missed.
 */
export async function countScoredContact(
  detail: DetailOf<typeof contactScored>,
  store: FunnelStore,
): Promise<FunnelEntry[]> {
  const entries: FunnelEntry[] = [];
  // A first score is a new lead but for a redelivery, so the once-only marker alone decides (a
  // redelivery's write is refused and counts nothing). A later score is almost always counted
  // already: a look at the marker first costs less than a refused write. Events put before
  // `firstScore` and `contactCreatedAt` existed are handled as later scores, with both read.
  if (detail.firstScore === true || !(await store.counted(detail.contactId, LEAD_KEY))) {
    const createdAt =
      detail.contactCreatedAt ?? (await store.contactCreatedAt(detail.contactId)) ?? detail.scoredAt;
    entries.push({ contactId: detail.contactId, key: LEAD_KEY, at: createdAt, counters: ['leads'] });
  }
  const move = stageMoveCounters(detail.previousStage, detail.stage);
  if (move.length > 0) {
    entries.push({
      contactId: detail.contactId,
      key: `transition#${detail.scoredAt}#${detail.stage}`,
      at: detail.scoredAt,
      counters: move,
    });
  }
  return countAll(entries, store);
}

export function countReviewRequested(
  detail: DetailOf<typeof leadReviewRequested>,
  store: FunnelStore,
): Promise<FunnelEntry[]> {
  return countAll(
    [
      {
        contactId: detail.contact.contactId,
        key: `review#${detail.reviewRequestId}`,
        at: detail.requestedAt,
        counters: ['reviews'],
      },
    ],
    store,
  );
}

/** A qualification, with its time from the contact's first activity (the lead's age when it qualified). */
export function countQualification(
  detail: DetailOf<typeof prospectQualified>,
  store: FunnelStore,
): Promise<FunnelEntry[]> {
  const firstAt = detail.activitySummary.firstAt;
  const hours = firstAt ? (Date.parse(detail.qualifiedAt) - Date.parse(firstAt)) / HOUR_MS : undefined;
  return countAll(
    [
      {
        contactId: detail.contact.contactId,
        key: `qualification#${detail.qualificationId}`,
        at: detail.qualifiedAt,
        counters: detail.qualifiedBy.kind === 'person' ? ['prospects', 'prospectsAccepted'] : ['prospects'],
        ...(hours !== undefined && hours >= 0 ? { hoursToQualify: hours } : {}),
      },
    ],
    store,
  );
}

/** The counters a stage change adds, other than the hand-offs (review, prospect) counted elsewhere. */
export function stageMoveCounters(from: string | undefined, to: string): FunnelCounter[] {
  if (from === undefined || from === to) return [];
  if (to === 'lead' && (from === 'review' || from === 'prospect')) {
    return from === 'review' ? ['recycled', 'reviewsRejected'] : ['recycled'];
  }
  if (to === 'disqualified')
    return from === 'review' ? ['disqualified', 'reviewsDisqualified'] : ['disqualified'];
  if (to === 'customer') return ['customers'];
  return [];
}

/** Counts each entry once; returns those counted now (a redelivery returns none). */
async function countAll(entries: readonly FunnelEntry[], store: FunnelStore): Promise<FunnelEntry[]> {
  const counted: FunnelEntry[] = [];
  for (const entry of entries) {
    if ((await store.count(entry)) === 'counted') counted.push(entry);
  }
  return counted;
}
