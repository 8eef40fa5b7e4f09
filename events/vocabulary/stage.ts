import * as z from 'zod/mini';

/**
 * Lifecycle stages. A `lead` is nurtured; `review` waits for a person in sales to accept it;
 * a `prospect` has been handed to sales; `customer` and `disqualified` leave the funnel.
 */
export const STAGES = ['lead', 'review', 'prospect', 'customer', 'disqualified'] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;
