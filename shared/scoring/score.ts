import { z } from 'zod';

export const ANSWER_KEYS = ['budget', 'authority', 'need', 'timeline'] as const;
export const answerKeySchema = z.enum(ANSWER_KEYS);

export const GRADES = ['A', 'B', 'C', 'D'] as const;

/** One line of a score's explanation: which rule gave how many points, and why, in plain words. */
export const scoreLineSchema = z.object({
  rule: z.string().min(1),
  points: z.number(),
  reason: z.string().min(1),
});
export type ScoreLine = z.infer<typeof scoreLineSchema>;

/**
 * A score as stored on the contact and carried by events: the total, its parts, the lines that
 * explain it, and the model version and time, so any number can be traced back to its rules.
 */
export const scoreSchema = z.object({
  total: z.number(),
  fit: z.number(),
  engagement: z.number(),
  qualification: z.number(),
  grade: z.enum(GRADES),
  breakdown: z.array(scoreLineSchema),
  knownAnswers: z.array(answerKeySchema),
  handRaiser: z.boolean(),
  businessEmail: z.boolean(),
  modelVersion: z.string().min(1),
  scoredAt: z.iso.datetime(),
});
export type Score = z.infer<typeof scoreSchema>;
