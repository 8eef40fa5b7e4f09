import * as z from 'zod/mini';

/** Every qualification answer leadflow knows: BANT's four and GPCT's three others (timeline is shared). */
export const ANSWER_KEYS = [
  'budget',
  'authority',
  'need',
  'timeline',
  'goals',
  'plans',
  'challenges',
] as const;
export const answerKeySchema = z.enum(ANSWER_KEYS);
export type AnswerKey = z.infer<typeof answerKeySchema>;

/**
 * The two qualification frameworks sales teams use: BANT (budget, authority, need, timeline) and
 * GPCT (goals, plans, challenges, timeline). A framework is complete when each of its answers is known.
 */
export const FRAMEWORKS = {
  BANT: ['budget', 'authority', 'need', 'timeline'],
  GPCT: ['goals', 'plans', 'challenges', 'timeline'],
} as const satisfies Record<string, readonly AnswerKey[]>;
export const frameworkSchema = z.enum(['BANT', 'GPCT']);
export type Framework = z.infer<typeof frameworkSchema>;

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

/** One line of a score's explanation: which rule gave how many points, and why, in plain words. */
export const scoreLineSchema = z.object({
  rule: z.string().check(z.minLength(1)),
  points: z.number(),
  reason: z.string().check(z.minLength(1)),
});
export type ScoreLine = z.infer<typeof scoreLineSchema>;

/**
 * A score as stored on the contact and carried by events: the total, its parts, the lines that
 * explain it, and the model version and time, so any number can be traced back to its rules.
 * The fields added after the first release are optional, so scores stored before them still parse.
 */
export const scoreSchema = z.object({
  total: z.number(),
  fit: z.number(),
  engagement: z.number(),
  qualification: z.number(),
  /** A–D from the fit points alone: who the contact is, whatever they did. */
  grade: z.enum(GRADES),
  breakdown: z.array(scoreLineSchema),
  knownAnswers: z.array(answerKeySchema),
  /** Known answers that say no ("no budget", "not me", a disqualifying option); optional for older scores. */
  negativeAnswers: z.optional(z.array(answerKeySchema)),
  /** Every answer known and none negative. */
  completeFrameworks: z.optional(z.array(frameworkSchema)),
  /** Every answer known, at least one negative: known, but no reason to qualify. */
  negativeFrameworks: z.optional(z.array(frameworkSchema)),
  handRaiser: z.boolean(),
  /** The latest hand-raiser activity (demo, quote, contact request, meeting…). */
  lastHandRaiseAt: z.optional(z.iso.datetime()),
  /** The latest activity that brought points. */
  lastEngagedAt: z.optional(z.iso.datetime()),
  /** The latest sign of life the model names (a form, a meeting booked): a recycled contact comes back on it. */
  lastSignOfLifeAt: z.optional(z.iso.datetime()),
  businessEmail: z.boolean(),
  modelVersion: z.string().check(z.minLength(1)),
  scoredAt: z.iso.datetime(),
  /** When decay will have moved this score enough to re-compute it; absent when nothing decays. */
  staleAfter: z.optional(z.iso.datetime()),
});
export type Score = z.infer<typeof scoreSchema>;
