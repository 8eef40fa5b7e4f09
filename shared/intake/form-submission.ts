import * as z from 'zod';
import { formTypeSchema } from '#shared/activity/activity-type.ts';
import { LEGAL_BASES } from '#shared/contact/contact.ts';
import { multilineText, safeText } from '#shared/contact/safe-text.ts';

const text = safeText;
/** A free-text answer may span lines, but carries no other control characters. */
const answer = multilineText(2000);

/**
 * The canonical shape of a form submission (the `generic` source posts it as is; other sources are
 * mapped to it). Unknown fields are dropped, never stored.
 */
export const formSubmissionSchema = z.object({
  email: z.string().trim().min(1).max(254),
  formType: formTypeSchema,
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  company: text(200).optional(),
  jobTitle: text(200).optional(),
  phone: text(40).optional(),
  country: text(100).optional(),
  /** Employees: a number or a form option such as `51-200` or `1000+`. */
  companySize: z.union([z.number().int().nonnegative().transform(String), text(40)]).optional(),
  industry: text(200).optional(),
  submissionId: text(200).optional(),
  consent: z
    .object({
      granted: z.boolean(),
      purpose: text(300).optional(),
      legalBasis: z.enum(LEGAL_BASES).default('consent'),
    })
    .optional(),
  utm: z
    .object({
      source: text(200),
      medium: text(200),
      campaign: text(200),
      term: text(200),
      content: text(200),
    })
    .partial()
    .optional(),
  referrer: text(2000).optional(),
  answers: z
    .object({
      budget: answer,
      authority: answer,
      need: answer,
      timeline: answer,
      goals: answer,
      plans: answer,
      challenges: answer,
    })
    .partial()
    .optional(),
});

export type FormSubmission = z.infer<typeof formSubmissionSchema>;
