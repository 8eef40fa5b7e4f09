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
