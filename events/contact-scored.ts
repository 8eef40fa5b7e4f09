import * as z from 'zod/mini';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';
import { formTypeSchema } from './vocabulary/activity-type.ts';
import { gradeSchema, scoreLineSchema } from './vocabulary/score.ts';
import { stageSchema } from './vocabulary/stage.ts';

/**
 * Put after every re-score. Nurture listens for `stage: lead`; dashboards and later issues can
 * follow score movements without reading the table.
 */
export const contactScored = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Contact Scored',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    contactId: z.string().check(z.minLength(1)),
    score: z.number(),
    stage: stageSchema,
    previousStage: z.optional(stageSchema),
    interest: z.optional(formTypeSchema),
    modelVersion: z.string().check(z.minLength(1)),
    scoredAt: z.iso.datetime(),
    /** Added in place (optional, so v1 consumers are unaffected): the explanation travels with the score. */
    grade: z.optional(gradeSchema),
    breakdown: z.optional(z.array(scoreLineSchema)),
    /** Why the contact is in its stage, in plain words. */
    stageReason: z.optional(z.string()),
    /**
     * Added in place (optional; absent from events put before): whether this is the contact's first
     * score, and when the contact was created, so the funnel counts a new lead without reading either.
     */
    firstScore: z.optional(z.boolean()),
    contactCreatedAt: z.optional(z.iso.datetime()),
  }),
});
