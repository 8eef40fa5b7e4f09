import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import type { EmailClassification } from '#shared/contact/email-classification.ts';
import { ANSWER_KEYS, type Score, type ScoreLine } from './score.ts';
import type { ScoringModel } from './scoring-model.ts';

const DAY_MS = 86_400_000;

export interface ScoringInput {
  readonly contact: Pick<Contact, 'jobTitle' | 'company' | 'answers'>;
  readonly email: EmailClassification;
  readonly activities: readonly Pick<Activity, 'type' | 'occurredAt'>[];
}

/**
 * Computes a contact's score from scratch: profile fit, engagement decayed by age, and known
 * qualification answers. It is pure and deterministic for a given `now`, so a stored score can
 * always be checked against a fresh recomputation, and a candidate model replayed over history.
 */
export function scoreContact(input: ScoringInput, model: ScoringModel, now: Date): Score {
  const fitLines = fitBreakdown(input, model);
  const engagementLines = engagementBreakdown(input.activities, model, now);
  const knownAnswers = ANSWER_KEYS.filter((key) => (input.contact.answers[key] ?? '').trim() !== '');
  const qualificationLines: ScoreLine[] = knownAnswers.map((key) => ({
    rule: `qualification.${key}`,
    points: model.qualification.pointsPerKnownAnswer,
    reason: `${key} is known`,
  }));
  const fit = sum(fitLines);
  const engagement = sum(engagementLines);
  const qualification = sum(qualificationLines);
  return {
    total: round(fit + engagement + qualification),
    fit,
    engagement,
    qualification,
    grade: gradeOf(fit, model),
    breakdown: [...fitLines, ...engagementLines, ...qualificationLines],
    knownAnswers,
    handRaiser: input.activities.some((activity) => model.handRaisers.includes(activity.type)),
    businessEmail: !input.email.freeMail && !input.email.disposable,
    modelVersion: model.version,
    scoredAt: now.toISOString(),
  };
}

function fitBreakdown(input: ScoringInput, model: ScoringModel): ScoreLine[] {
  const lines: ScoreLine[] = [];
  if (input.email.disposable) {
    lines.push({
      rule: 'fit.disposableEmail',
      points: model.fit.disposableEmail,
      reason: 'disposable email address',
    });
  } else if (input.email.freeMail) {
    lines.push({ rule: 'fit.freeMail', points: model.fit.freeMail, reason: 'free email provider' });
  } else {
    lines.push({
      rule: 'fit.businessEmail',
      points: model.fit.businessEmail,
      reason: 'business email domain',
    });
  }
  if (input.email.role && model.fit.roleEmail !== undefined) {
    lines.push({
      rule: 'fit.roleEmail',
      points: model.fit.roleEmail,
      reason: 'role address (info@, contact@…)',
    });
  }
  if (input.contact.company) {
    lines.push({ rule: 'fit.companyKnown', points: model.fit.companyKnown, reason: 'company given' });
  }
  const title = input.contact.jobTitle;
  const titleRule = title
    ? model.fit.jobTitle.find((rule) => new RegExp(rule.pattern, 'iu').test(title))
    : undefined;
  if (titleRule) {
    lines.push({
      rule: `fit.jobTitle.${titleRule.label}`,
      points: titleRule.points,
      reason: `job title: ${titleRule.label}`,
    });
  }
  return lines;
}

function engagementBreakdown(
  activities: ScoringInput['activities'],
  model: ScoringModel,
  now: Date,
): ScoreLine[] {
  const decayedByType = new Map<string, { points: number; count: number }>();
  for (const activity of activities) {
    const rule = model.engagement.activities[activity.type];
    if (!rule) continue;
    const ageDays = Math.max(0, now.getTime() - Date.parse(activity.occurredAt)) / DAY_MS;
    const decayed = rule.points * 0.5 ** (ageDays / model.engagement.halfLifeDays);
    const entry = decayedByType.get(activity.type) ?? { points: 0, count: 0 };
    decayedByType.set(activity.type, { points: entry.points + decayed, count: entry.count + 1 });
  }
  return [...decayedByType].map(([type, { points, count }]) => {
    const cap = model.engagement.activities[type as Activity['type']]?.cap;
    const capped = cap !== undefined && Math.abs(points) > cap;
    return {
      rule: `engagement.${type}`,
      points: round(capped ? Math.sign(points) * cap : points),
      reason: `${count} × ${type.replaceAll('_', ' ')}, decayed (half-life ${model.engagement.halfLifeDays} days)${capped ? ', capped' : ''}`,
    };
  });
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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
