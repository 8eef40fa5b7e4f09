import { z } from 'zod';
import { activityTypeSchema } from '#shared/activity/activity-type.ts';

const points = z.number().finite();

const jobTitleRuleSchema = z.object({
  label: z.string().min(1),
  /** A case-insensitive regular expression matched against the job title. */
  pattern: z.string().min(1).refine(isValidRegExp, 'must be a valid regular expression'),
  points,
});

const engagementRuleSchema = z.object({
  points,
  /** Most points this activity type can bring in total, however often it happens. */
  cap: z.number().positive().optional(),
});

/**
 * The scoring model is configuration, not code: marketing tunes it, and every change is validated
 * here so a typo is refused at start (with the exact path) instead of silently mis-scoring leads.
 */
export const scoringModelSchema = z
  .object({
    version: z.string().min(1),
    fit: z.object({
      businessEmail: points,
      freeMail: points,
      disposableEmail: points,
      /** A team mailbox (info@, contact@): added to the email's own points; optional for older models. */
      roleEmail: points.optional(),
      companyKnown: points,
      /** First matching rule wins, so order from most to least specific. */
      jobTitle: z.array(jobTitleRuleSchema),
      grades: z.object({ A: points, B: points, C: points }),
    }),
    engagement: z.object({
      halfLifeDays: z.number().positive(),
      activities: z.partialRecord(activityTypeSchema, engagementRuleSchema),
    }),
    qualification: z.object({ pointsPerKnownAnswer: points }),
    handRaisers: z.array(activityTypeSchema),
    policy: z.object({
      autoQualify: z.object({
        minScore: points,
        requireAllAnswers: z.boolean(),
        requireBusinessEmail: z.boolean(),
        /** A hand-raiser with every answer known qualifies whatever the score. */
        handRaiserWithAllAnswers: z.boolean(),
      }),
      review: z.object({ minScore: points, onHandRaiser: z.boolean() }),
    }),
  })
  .refine((model) => model.policy.review.minScore <= model.policy.autoQualify.minScore, {
    message: 'policy.review.minScore must not be above policy.autoQualify.minScore',
    path: ['policy', 'review', 'minScore'],
  });

export type ScoringModel = z.infer<typeof scoringModelSchema>;

function isValidRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** Parses a model, or throws one error that names every invalid path (e.g. `fit.grades.A`). */
export function parseScoringModel(input: unknown): ScoringModel {
  const result = scoringModelSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`Invalid scoring model:\n- ${problems.join('\n- ')}`);
  }
  return result.data;
}
