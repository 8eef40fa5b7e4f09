import type { Score, ScoreLine } from '#events/vocabulary/score.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { EmailClassification } from '#shared/contact/email-classification.ts';
import { engagementBreakdown, round, type ScoredActivity } from './engagement-breakdown.ts';
import { type FitProfile, fitBreakdown } from './fit-breakdown.ts';
import { readAnswers } from './read-answers.ts';
import type { ScoringModel } from './scoring-model.ts';

export interface ScoringInput {
  readonly contact: FitProfile & Pick<Contact, 'answers' | 'answerReadings' | 'recycledAt'>;
  readonly email: EmailClassification;
  readonly activities: readonly ScoredActivity[];
}

/**
 * Computes a contact's score from scratch: profile fit, engagement decayed by age, and known
 * qualification answers. It is pure and deterministic for a given `now`, so a stored score can
 * always be checked against a fresh recomputation, and a candidate model replayed over history.
 */
export function scoreContact(input: ScoringInput, model: ScoringModel, now: Date): Score {
  const fitLines = fitBreakdown(input.contact, input.email, model);
  const { recycledAt } = input.contact;
  // After sales rejected a review, the lead starts over: only what it does next counts as engagement.
  const activities = recycledAt
    ? input.activities.filter((activity) => activity.occurredAt > recycledAt)
    : input.activities;
  const engagement = engagementBreakdown(activities, model, now);
  const uncounted = input.activities.length - activities.length;
  const signsOfLife = new Set<string>(model.policy.recycle.signsOfLife);
  if (recycledAt) {
    engagement.lines.unshift({
      rule: 'engagement.sinceRecycle',
      points: 0,
      reason: sinceRecycle(recycledAt, uncounted, activities, signsOfLife),
    });
  }
  const lastSignOfLifeAt = latestOf(activities.filter((activity) => signsOfLife.has(activity.type)));
  const answers = readAnswers(input.contact.answers, input.contact.answerReadings, model);
  const qualificationLines = answers.lines;
  const lastHandRaiseAt = latestHandRaise(activities, model);
  const fit = sum(fitLines);
  const engagementPoints = sum(engagement.lines);
  const qualification = sum(qualificationLines);
  return {
    total: round(fit + engagementPoints + qualification),
    fit,
    engagement: engagementPoints,
    qualification,
    grade: gradeOf(fit, model),
    breakdown: [...fitLines, ...engagement.lines, ...qualificationLines],
    knownAnswers: answers.knownAnswers,
    negativeAnswers: answers.negativeAnswers,
    completeFrameworks: answers.completeFrameworks,
    negativeFrameworks: answers.negativeFrameworks,
    handRaiser: lastHandRaiseAt !== undefined,
    lastHandRaiseAt,
    lastEngagedAt: engagement.lastEngagedAt,
    lastSignOfLifeAt,
    businessEmail: !input.email.freeMail && !input.email.disposable,
    modelVersion: model.version,
    scoredAt: now.toISOString(),
    staleAfter: engagement.staleAfter?.toISOString(),
  };
}

/**
 * What the recycle line says: what no longer counts, and what happened since, signs of life apart
 * from the rest ("since then: 1 quote request; not signs of life: 2 email opened").
 */
function sinceRecycle(
  recycledAt: string,
  uncounted: number,
  since: readonly ScoredActivity[],
  signsOfLife: ReadonlySet<string>,
): string {
  const parts = [
    `recycled on ${recycledAt.slice(0, 10)}: ${uncounted} earlier ${uncounted === 1 ? 'activity no longer counts' : 'activities no longer count'}`,
  ];
  const counted = since.filter((activity) => signsOfLife.has(activity.type));
  const ignored = since.filter((activity) => !signsOfLife.has(activity.type));
  parts.push(counted.length > 0 ? `since then: ${tally(counted)}` : 'no sign of life since');
  if (ignored.length > 0) parts.push(`not signs of life: ${tally(ignored)}`);
  return parts.join('; ');
}

function tally(activities: readonly ScoredActivity[]): string {
  const counts = new Map<string, number>();
  for (const { type } of activities) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, count]) => `${count} ${type.replaceAll('_', ' ')}`).join(', ');
}

function latestOf(activities: readonly ScoredActivity[]): string | undefined {
  let latest: string | undefined;
  for (const { occurredAt } of activities)
    if (latest === undefined || occurredAt > latest) latest = occurredAt;
  return latest;
}

/** When the contact last raised a hand (demo, quote, meeting…), in one pass over the history. */
function latestHandRaise(activities: readonly ScoredActivity[], model: ScoringModel): string | undefined {
  let latest: string | undefined;
  for (const { type, occurredAt } of activities) {
    if (model.handRaisers.includes(type) && (latest === undefined || occurredAt > latest))
      latest = occurredAt;
  }
  return latest;
}

function gradeOf(fit: number, model: ScoringModel): Score['grade'] {
  if (fit >= model.fit.grades.A) return 'A';
  if (fit >= model.fit.grades.B) return 'B';
  if (fit >= model.fit.grades.C) return 'C';
  return 'D';
}

function sum(lines: readonly ScoreLine[]): number {
  return round(lines.reduce((total, line) => total + line.points, 0));
}
