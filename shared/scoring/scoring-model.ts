import countries from 'i18n-iso-countries/index.js';
import * as z from 'zod/mini';
import {
  ACTIVITY_TYPE_BY_FORM,
  type ActivityType,
  activityTypeSchema,
} from '#events/vocabulary/activity-type.ts';
import { answerKeySchema, frameworkSchema, gradeSchema } from '#events/vocabulary/score.ts';
import '#shared/runtime/validation-messages.ts';

/** What a person does: form submissions and booked meetings (never opens, clicks or page views). */
const DEFAULT_SIGNS_OF_LIFE: readonly ActivityType[] = [
  ...Object.values(ACTIVITY_TYPE_BY_FORM),
  'meeting_booked',
];

/** zod 4 numbers are always finite (classic's `.finite()` was a no-op). */
const points = z.number();
const label = z.string().check(z.minLength(1), z.maxLength(80));

/** A case-insensitive regular expression, checked when the model loads rather than at the first lead. */
const pattern = z
  .string()
  .check(z.minLength(1), z.refine(isValidRegExp, 'must be a valid regular expression'));

/** A rule matched against a text of the profile (job title, industry, email domain); first match wins. */
const patternRuleSchema = z.object({ label, pattern, points });

const companySizeBandSchema = z
  .object({
    label,
    /** Employees, inclusive. A range such as "51-200" is placed by its lower bound. */
    min: z.number().check(z.int(), z.nonnegative()),
    max: z.optional(z.number().check(z.int(), z.nonnegative())),
    points,
  })
  .check(
    z.refine((band) => band.max === undefined || band.max >= band.min, {
      message: 'max must not be below min',
      path: ['max'],
    }),
  );

const countryRuleSchema = z.object({
  label,
  /** ISO 3166-1 alpha-2 codes; a contact's country may be given as a code or a name in English or French. */
  countries: z
    .array(
      z.string().check(z.refine((code) => countries.isValid(code), 'must be an ISO 3166-1 alpha-2 code')),
    )
    .check(z.minLength(1)),
  points,
});

const engagementRuleSchema = z.object({
  points,
  /** Most points (in absolute value) this rule can bring in total, however often it happens. */
  cap: z.optional(z.number().check(z.positive())),
  /**
   * Whether the points fade with the half-life (the default). Signals that stay true (an unsubscribe,
   * a hard bounce) should not fade.
   */
  decays: z._default(z.boolean(), true),
});

const multiChannelTierSchema = z.object({ minChannels: z.number().check(z.int(), z.minimum(2)), points });

const ruleName = z
  .string()
  .check(z.regex(/^(fit|engagement|qualification)\.[\w.:-]+$/, 'must name a rule, e.g. fit.competitor'));

/**
 * The scoring model is configuration, not code: marketing tunes it, and every change is validated
 * here so a typo is refused at start and at synth (with the exact path) instead of silently
 * mis-scoring leads. docs/scoring.md documents every field.
 */
export const scoringModelSchema = z
  .object({
    version: z.string().check(z.minLength(1)),
    fit: z.object({
      businessEmail: points,
      freeMail: points,
      disposableEmail: points,
      /** A team mailbox (info@, contact@): added to the email's own points; optional for older models. */
      roleEmail: z.optional(points),
      companyKnown: points,
      /** Seniority from the job title. First matching rule wins, so order from most to least specific. */
      jobTitle: z.array(patternRuleSchema),
      /** Department or role from the job title (marketing, sales…), scored beside seniority. */
      role: z._default(z.array(patternRuleSchema), []),
      companySize: z._default(z.array(companySizeBandSchema), []),
      industry: z._default(z.array(patternRuleSchema), []),
      country: z._default(z.array(countryRuleSchema), []),
      /** Rules on the email domain, such as schools and universities (students). First match wins. */
      emailDomain: z._default(z.array(patternRuleSchema), []),
      /** Competitors' domains (and their subdomains): they research you, they do not buy. */
      competitors: z._default(
        z.object({
          domains: z.array(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain'))),
          points,
        }),
        { domains: [], points: 0 },
      ),
      /** Fit points needed for grades A, B and C; below C is D. */
      grades: z.object({ A: points, B: points, C: points }),
    }),
    engagement: z.object({
      halfLifeDays: z.number().check(z.positive()),
      activities: z.partialRecord(activityTypeSchema, engagementRuleSchema),
      /**
       * Page visits scored by category (pricing, demo, careers…) instead of the flat `page_visited`
       * rule. The category comes with the activity, or from the first `classify` pattern matching its URL.
       */
      pages: z._default(
        z.object({
          categories: z.record(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)), engagementRuleSchema),
          classify: z.array(z.object({ category: z.string().check(z.minLength(1)), pattern })),
        }),
        { categories: {}, classify: [] },
      ),
      /** A bonus for engaging through several channels (web forms, website, email, events…). */
      multiChannel: z._default(
        z.object({ windowDays: z.number().check(z.positive()), tiers: z.array(multiChannelTierSchema) }),
        { windowDays: 90, tiers: [] },
      ),
    }),
    qualification: z.object({
      /** Points for each known answer; an answer not listed brings none. */
      pointsPerAnswer: z.partialRecord(answerKeySchema, points),
      /**
       * Free-text answers that say no, as case-insensitive patterns matched on the answer with its
       * accents removed: `any` for every answer ("none", "n/a", "jamais"), or per answer
       * ("no budget", "not me"). A form's picklist options are mapped in the forms configuration.
       */
      negativeAnswers: z._default(
        z.partialRecord(z.enum([...answerKeySchema.options, 'any']), z.array(pattern)),
        {},
      ),
      /** Answers that say nothing ("not sure", "je ne sais pas"): neither known nor negative. */
      unknownAnswers: z._default(z.array(pattern), []),
      /** Points for a negative answer (usually below zero); an answer not listed gets 0. */
      negativePoints: z._default(z.partialRecord(answerKeySchema, points), {}),
    }),
    handRaisers: z.array(activityTypeSchema),
    policy: z.object({
      autoQualify: z.object({
        minScore: points,
        /** Qualify only when one of these frameworks is complete; an empty list requires none. */
        requireCompleteFramework: z.array(frameworkSchema),
        requireBusinessEmail: z.boolean(),
        /** The lowest fit grade that may qualify without a person; absent means any grade. */
        minGrade: z.optional(gradeSchema),
        /** A hand-raiser with a complete framework qualifies whatever the score. */
        handRaiserWithCompleteFramework: z.boolean(),
        /** A negative answer to one of these never qualifies without a person (it goes to review). */
        blockOnNegative: z._default(z.array(answerKeySchema), ['budget', 'authority', 'timeline']),
      }),
      review: z.object({
        minScore: points,
        /** Engagement points also needed to reach review on the score: fit alone is not interest. */
        minEngagement: z._default(points, 0),
        onHandRaiser: z.boolean(),
      }),
      /**
       * After sales rejected or recycled a contact: only these activities, after the recycle, are
       * signs of life that can bring it back (never an email open, which mail privacy features fire
       * by themselves, nor other automated activity); and it comes back through review by a person
       * unless `autoQualify` lets it qualify on its own.
       */
      recycle: z._default(z.object({ signsOfLife: z.array(activityTypeSchema), autoQualify: z.boolean() }), {
        signsOfLife: [...DEFAULT_SIGNS_OF_LIFE],
        autoQualify: false,
      }),
      /** A contact with a score line from one of these rules is disqualified (e.g. `fit.competitor`). */
      disqualify: z._default(z.object({ onRules: z.array(ruleName) }), { onRules: [] }),
    }),
    /** How often the scheduled job re-scores a contact whose engagement is still decaying. */
    rescore: z._default(
      z.object({
        everyDays: z.number().check(z.positive()),
        minDecayingPoints: z.number().check(z.positive()),
      }),
      { everyDays: 7, minDecayingPoints: 1 },
    ),
  })
  .check(
    z.superRefine((model, context) => {
      if (model.policy.review.minScore > model.policy.autoQualify.minScore) {
        context.addIssue({
          code: 'custom',
          message: 'policy.review.minScore must not be above policy.autoQualify.minScore',
          path: ['policy', 'review', 'minScore'],
        });
      }
      const { A, B, C } = model.fit.grades;
      if (!(A >= B && B >= C)) {
        context.addIssue({
          code: 'custom',
          message: 'grades must satisfy A ≥ B ≥ C',
          path: ['fit', 'grades'],
        });
      }
      const categories = Object.keys(model.engagement.pages.categories);
      model.engagement.pages.classify.forEach((rule, index) => {
        if (!categories.includes(rule.category)) {
          context.addIssue({
            code: 'custom',
            message: `category "${rule.category}" is not one of engagement.pages.categories`,
            path: ['engagement', 'pages', 'classify', index, 'category'],
          });
        }
      });
    }),
  );

export type ScoringModel = z.infer<typeof scoringModelSchema>;
export type EngagementRule = z.infer<typeof engagementRuleSchema>;

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}

/** A model that does not satisfy the schema; the message names every invalid path. */
export class InvalidScoringModelError extends Error {
  override name = 'InvalidScoringModelError';
}

/**
 * Parses a model, or throws one error that names every invalid path (e.g. `fit.grades.A`) and, when
 * given, where the model came from, so the person who edited it knows exactly what to fix.
 */
export function parseScoringModel(input: unknown, origin?: string): ScoringModel {
  const result = scoringModelSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new InvalidScoringModelError(
      `Invalid scoring model${origin ? ` in ${origin}` : ''}:\n- ${problems.join('\n- ')}`,
    );
  }
  return result.data;
}
