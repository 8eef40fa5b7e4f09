/**
 * What the funnel counts per day (UTC): contacts entering each stage, and the review decisions that
 * give sales's acceptance rate. Each fact is counted once, on the day it happened.
 */
export const FUNNEL_COUNTERS = [
  /** New contacts: every contact enters as a lead, once. */
  'leads',
  /** Leads sent to a person for review ("Lead Review Requested"). */
  'reviews',
  /** Qualifications ("Prospect Qualified"), automatic or accepted. */
  'prospects',
  /** …of which a person accepted a review. */
  'prospectsAccepted',
  /** Back to `lead` from `review` or `prospect` (a rejected review, a prospect sales gave up on). */
  'recycled',
  /** …of which were rejected reviews. */
  'reviewsRejected',
  'disqualified',
  /** …of which were disqualified from review. */
  'reviewsDisqualified',
  'customers',
] as const;
export type FunnelCounter = (typeof FUNNEL_COUNTERS)[number];
export type FunnelCounts = Readonly<Record<FunnelCounter, number>>;

export function zeroCounts(): Record<FunnelCounter, number> {
  return Object.fromEntries(FUNNEL_COUNTERS.map((counter) => [counter, 0])) as Record<FunnelCounter, number>;
}

/** One fact to count: its key makes counting it twice (a redelivered event, a replay) a no-op. */
export interface FunnelEntry {
  readonly contactId: string;
  /** Unique per counted fact of the contact: `lead`, `review#<id>`, `qualification#<id>`, `transition#<at>#<stage>`. */
  readonly key: string;
  /** When it happened; it counts on that day (UTC). */
  readonly at: string;
  readonly counters: readonly FunnelCounter[];
  /** For a qualification: hours from the contact's first activity. */
  readonly hoursToQualify?: number;
}

/** A day's counts as stored: the counters and the time-to-qualify histogram. */
export interface FunnelDay {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly counts: FunnelCounts;
  /** Qualifications per time-to-qualify bucket (see time-to-qualify.ts), by bucket index. */
  readonly hoursToQualify: Readonly<Record<number, number>>;
}
