import { z } from 'zod';
import { scoreSchema } from '#shared/scoring/score.ts';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

const optionalText = z.string().optional();

const touchSchema = z.object({
  utmSource: optionalText,
  utmMedium: optionalText,
  utmCampaign: optionalText,
  utmTerm: optionalText,
  utmContent: optionalText,
  referrer: optionalText,
  at: z.iso.datetime(),
});

/**
 * The hand-off to sales tools: put exactly once per qualification. `qualificationId` is the
 * idempotency key a CRM integration should de-duplicate on; a recycled lead that qualifies again
 * gets a new one.
 */
export const prospectQualified = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Prospect Qualified',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    qualificationId: z.string().min(1),
    qualifiedAt: z.iso.datetime(),
    qualifiedBy: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('auto') }),
      z.object({ kind: z.literal('person'), id: z.string().min(1) }),
    ]),
    reason: z.string().min(1),
    contact: z.object({
      contactId: z.string().min(1),
      email: z.email(),
      firstName: optionalText,
      lastName: optionalText,
      company: optionalText,
      jobTitle: optionalText,
      phone: optionalText,
      country: optionalText,
    }),
    score: scoreSchema,
    answers: z.object({
      budget: optionalText,
      authority: optionalText,
      need: optionalText,
      timeline: optionalText,
    }),
    attribution: z.object({ firstTouch: touchSchema.optional(), lastTouch: touchSchema.optional() }),
    activitySummary: z.object({
      count: z.number().int().nonnegative(),
      byType: z.record(z.string(), z.number().int().positive()),
      firstAt: z.iso.datetime().optional(),
      lastAt: z.iso.datetime().optional(),
    }),
  }),
});
