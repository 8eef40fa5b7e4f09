import { z } from 'zod';
import { formTypeSchema } from '#shared/activity/activity-type.ts';
import { stageSchema } from '#shared/contact/stage.ts';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

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
    contactId: z.string().min(1),
    score: z.number(),
    stage: stageSchema,
    previousStage: stageSchema.optional(),
    interest: formTypeSchema.optional(),
    modelVersion: z.string().min(1),
    scoredAt: z.iso.datetime(),
  }),
});
