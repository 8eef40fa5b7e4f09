import { z } from 'zod';
import { formTypeSchema } from '#shared/activity/activity-type.ts';
import { LEGAL_BASES } from '#shared/contact/contact.ts';

/** No control characters (CR/LF included): a name must never smuggle a header or a log line. */
const CONTROL_CHARACTERS = /\p{Cc}/u;
/** Control characters other than line breaks and tabs, which a multi-line answer may hold. */
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /(?![\n\r\t])\p{Cc}/u;

const text = (maxLength: number) =>
  z
    .string()
    .trim()
    .max(maxLength)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');

/** A free-text answer may span lines, but carries no other control characters. */
const answer = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => !CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(value), 'must not contain control characters');

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
