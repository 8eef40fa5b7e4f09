import * as z from 'zod/mini';
import { formTypeSchema } from '#events/vocabulary/activity-type.ts';
import { multilineText, safeText } from '#events/vocabulary/safe-text.ts';
import { ANSWER_READINGS, LEGAL_BASES } from '#shared/contact/contact.ts';

const text = safeText;
/** A free-text answer may span lines, but carries no other control characters. */
const answer = multilineText(2000);

/**
 * The canonical shape of a form submission (the `generic` source posts it as is; other sources are
 * mapped to it). Unknown fields are dropped, never stored.
 */
export const formSubmissionSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(254)),
  formType: formTypeSchema,
  firstName: z.optional(text(100)),
  lastName: z.optional(text(100)),
  company: z.optional(text(200)),
  jobTitle: z.optional(text(200)),
  phone: z.optional(text(40)),
  country: z.optional(text(100)),
  /** Employees: a number or a form option such as `51-200` or `1000+`. */
  companySize: z.optional(
    z.union([z.pipe(z.number().check(z.int(), z.nonnegative()), z.transform(String)), text(40)]),
  ),
  industry: z.optional(text(200)),
  submissionId: z.optional(text(200)),
  consent: z.optional(
    z.object({
      granted: z.boolean(),
      purpose: z.optional(text(300)),
      legalBasis: z._default(z.enum(LEGAL_BASES), 'consent'),
    }),
  ),
  utm: z.optional(
    z.partial(
      z.object({
        source: text(200),
        medium: text(200),
        campaign: text(200),
        term: text(200),
        content: text(200),
      }),
    ),
  ),
  referrer: z.optional(text(2000)),
  answers: z.optional(
    z.partial(
      z.object({
        budget: answer,
        authority: answer,
        need: answer,
        timeline: answer,
        goals: answer,
        plans: answer,
        challenges: answer,
      }),
    ),
  ),
  /**
   * How picklist answers read ("qualifying", "disqualifying", "unknown"): mapped from the form's
   * `answerOptions` by the other sources, or sent by a generic poster that knows its own options.
   */
  answerReadings: z.optional(
    z.partial(
      z.object({
        budget: z.enum(ANSWER_READINGS),
        authority: z.enum(ANSWER_READINGS),
        need: z.enum(ANSWER_READINGS),
        timeline: z.enum(ANSWER_READINGS),
        goals: z.enum(ANSWER_READINGS),
        plans: z.enum(ANSWER_READINGS),
        challenges: z.enum(ANSWER_READINGS),
      }),
    ),
  ),
});

export type FormSubmission = z.infer<typeof formSubmissionSchema>;
