import * as z from 'zod/mini';

/**
 * Lifecycle stages. A `lead` is nurtured; `review` waits for a person in sales to accept it;
 * a `prospect` has been handed to sales; `customer` and `disqualified` leave the funnel.
 */
export const STAGES = ['lead', 'review', 'prospect', 'customer', 'disqualified'] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

/** Stages the scorer never moves a contact out of on its own: a person or a later issue's flow does. */
export const SETTLED_STAGES: ReadonlySet<Stage> = new Set(['prospect', 'customer', 'disqualified']);
