import * as z from 'zod/mini';
import { emailAddress } from './vocabulary/email-address.ts';
import { scoreSchema } from './vocabulary/score.ts';

/**
 * Schema parts shared by the hand-off events ("Lead Review Requested", "Prospect Qualified"), so a
 * CRM integration reads the contact, answers, attribution and activity summary the same way in both.
 */
const optionalText = z.optional(z.string());

export const touchSchema = z.object({
  utmSource: optionalText,
  utmMedium: optionalText,
  utmCampaign: optionalText,
  utmTerm: optionalText,
  utmContent: optionalText,
  referrer: optionalText,
  at: z.iso.datetime(),
});

export const contactIdentitySchema = z.object({
  contactId: z.string().check(z.minLength(1)),
  email: emailAddress,
  firstName: optionalText,
  lastName: optionalText,
  company: optionalText,
  jobTitle: optionalText,
  phone: optionalText,
  country: optionalText,
  companySize: optionalText,
  industry: optionalText,
});

/** BANT and GPCT answers as given (free text); absent when unknown. */
export const answersSchema = z.object({
  budget: optionalText,
  authority: optionalText,
  need: optionalText,
  timeline: optionalText,
  goals: optionalText,
  plans: optionalText,
  challenges: optionalText,
});

export const attributionSchema = z.object({
  firstTouch: z.optional(touchSchema),
  lastTouch: z.optional(touchSchema),
});

export const activitySummarySchema = z.object({
  count: z.number().check(z.int(), z.nonnegative()),
  byType: z.record(z.string(), z.number().check(z.int(), z.positive())),
  firstAt: z.optional(z.iso.datetime()),
  lastAt: z.optional(z.iso.datetime()),
});

/** What both hand-off events say about the contact: who, how it scores, what it answered and did. */
export const handOffShape = {
  contact: contactIdentitySchema,
  score: scoreSchema,
  answers: answersSchema,
  attribution: attributionSchema,
  activitySummary: activitySummarySchema,
  /**
   * Set when a bulk job (a re-score of every contact) made the hand-off: people are told of the
   * job's hand-offs once, in its "Bulk Job Finished" summary, not one email each. Tools that open
   * records (a CRM) handle the event as any other.
   */
  bulkJobId: z.optional(z.string().check(z.minLength(1))),
};
