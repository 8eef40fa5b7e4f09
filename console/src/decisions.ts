import type { Stage } from './api.ts';

/** What a person in sales can decide about a contact, as the review API takes it. */
export type Decision = 'accept' | 'reject' | 'disqualify' | 'won';

/** Which decisions a stage allows: the same rules as the review API (it answers 409 otherwise). */
export const DECISIONS_FROM: Readonly<Record<Decision, readonly Stage[]>> = {
  accept: ['review'],
  reject: ['review', 'prospect'],
  disqualify: ['lead', 'review', 'prospect'],
  won: ['lead', 'review', 'prospect'],
};

/** Saying yes needs no reason; saying no does, for whoever handles the contact next. */
export const REASON_REQUIRED: ReadonlySet<Decision> = new Set(['reject', 'disqualify']);
/** How each decision's buttons look: a yes is primary, a disqualification is a warning. */
export const DECISION_BUTTON_CLASS: Readonly<Record<Decision, string>> = {
  accept: 'primary',
  won: 'primary',
  reject: 'secondary',
  disqualify: 'danger',
};

/**
 * The decision a link asks to open (`#/contacts/{id}?decide=accept`, from a team notification), if
 * the contact's stage still allows it: a link to a review someone already decided opens the page only.
 */
export function requestedDecision(params: URLSearchParams, stage: Stage): Decision | undefined {
  const asked = params.get('decide');
  const decision = (Object.keys(DECISIONS_FROM) as Decision[]).find((known) => known === asked);
  return decision && DECISIONS_FROM[decision].includes(stage) ? decision : undefined;
}
