import type { Stage } from '#events/vocabulary/stage.ts';

/*
 * The review decision rules, free of any dependency (not even zod) so the console bundles this very
 * module: the buttons it offers and the API that answers 409 can never disagree.
 */

export const REVIEW_DECISIONS = ['accept', 'reject', 'disqualify', 'won'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** Saying no needs a reason, for whoever handles the contact next; saying yes does not. */
export const REASON_REQUIRED: ReadonlySet<ReviewDecisionKind> = new Set(['reject', 'disqualify']);

/**
 * Which stages each decision applies to. Accepting is for leads waiting in review; rejecting sends a
 * lead in review (or a prospect sales gave up on) back to nurture, and a later qualification gets a
 * new idempotency key; anything not yet a customer can be disqualified, or marked won when it
 * bought (usually a prospect; a lead may buy on its own).
 */
export const DECISION_FROM: Readonly<Record<ReviewDecisionKind, readonly Stage[]>> = {
  accept: ['review'],
  reject: ['review', 'prospect'],
  disqualify: ['lead', 'review', 'prospect'],
  won: ['lead', 'review', 'prospect'],
};
