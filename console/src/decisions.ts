import type { ReviewDecisionKind } from '#shared/review/review-rules.ts';

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
