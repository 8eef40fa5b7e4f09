import { DECISION_FROM, type ReviewDecisionKind } from '#shared/review/review-rules.ts';
import type { Stage } from './api.ts';

/** What a person in sales can decide about a contact, as the review API takes it. */
export type Decision = ReviewDecisionKind;

/** Which decisions a stage allows and which need a reason: the review API's own rules (it answers 409 otherwise). */
export { DECISION_FROM as DECISIONS_FROM, REASON_REQUIRED } from '#shared/review/review-rules.ts';

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
  const decision = (Object.keys(DECISION_FROM) as Decision[]).find((known) => known === asked);
  return decision && DECISION_FROM[decision].includes(stage) ? decision : undefined;
}
