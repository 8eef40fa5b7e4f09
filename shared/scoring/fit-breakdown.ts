import type { ScoreLine } from '#events/vocabulary/score.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { countryCode } from '#shared/contact/country.ts';
import type { EmailClassification } from '#shared/contact/email-classification.ts';
import { matchesModelPattern } from './model-pattern.ts';
import type { ScoringModel } from './scoring-model.ts';

export type FitProfile = Pick<Contact, 'jobTitle' | 'company' | 'companySize' | 'industry' | 'country'>;

interface PatternRule {
  readonly label: string;
  readonly pattern: string;
  readonly points: number;
}

/**
 * Profile fit: who the contact is, whatever they did. Each rule that applies gives one line, so sales
 * can read why a lead is an A or a D.
 */
export function fitBreakdown(
  profile: FitProfile,
  email: EmailClassification,
  model: ScoringModel,
): ScoreLine[] {
  const { fit } = model;
  const lines: ScoreLine[] = [emailLine(email, model)];
  const competitor = fit.competitors.domains.find(
    (domain) => email.domain === domain || email.domain.endsWith(`.${domain}`),
  );
  if (competitor) {
    lines.push({
      rule: 'fit.competitor',
      points: fit.competitors.points,
      reason: `competitor domain ${competitor}`,
    });
  }
  if (email.role && fit.roleEmail !== undefined) {
    lines.push({
      rule: 'fit.roleEmail',
      points: fit.roleEmail,
      reason: 'role address (info@, contact@…): a team, not a person',
    });
  }
  matchLine(lines, 'fit.emailDomain', fit.emailDomain, email.domain, 'email domain');
  if (profile.company) {
    lines.push({ rule: 'fit.companyKnown', points: fit.companyKnown, reason: 'company given' });
  }
  matchLine(lines, 'fit.jobTitle', fit.jobTitle, profile.jobTitle, 'seniority');
  matchLine(lines, 'fit.role', fit.role, profile.jobTitle, 'role');
  const employees = employeeCount(profile.companySize);
  const band =
    employees === undefined
      ? undefined
      : fit.companySize.find(
          (rule) => employees >= rule.min && (rule.max === undefined || employees <= rule.max),
        );
  if (band) {
    lines.push({
      rule: `fit.companySize.${band.label}`,
      points: band.points,
      reason: `company size: ${band.label}`,
    });
  }
  matchLine(lines, 'fit.industry', fit.industry, profile.industry, 'industry');
  const code = countryCode(profile.country);
  const market = code ? fit.country.find((rule) => rule.countries.includes(code)) : undefined;
  if (market && code) {
    lines.push({
      rule: `fit.country.${market.label}`,
      points: market.points,
      reason: `country ${code}: ${market.label}`,
    });
  }
  return lines;
}

function emailLine(email: EmailClassification, model: ScoringModel): ScoreLine {
  if (email.disposable) {
    return {
      rule: 'fit.disposableEmail',
      points: model.fit.disposableEmail,
      reason: 'disposable email address',
    };
  }
  if (email.freeMail) {
    return { rule: 'fit.freeMail', points: model.fit.freeMail, reason: 'free email provider' };
  }
  return { rule: 'fit.businessEmail', points: model.fit.businessEmail, reason: 'business email domain' };
}

/** Adds the line of the first rule whose pattern matches the text, if any. */
function matchLine(
  lines: ScoreLine[],
  prefix: string,
  rules: readonly PatternRule[],
  text: string | undefined,
  what: string,
): void {
  if (!text) return;
  const rule = rules.find((candidate) => matchesModelPattern(candidate.pattern, text));
  if (rule)
    lines.push({ rule: `${prefix}.${rule.label}`, points: rule.points, reason: `${what}: ${rule.label}` });
}

/**
 * Employees from what a form sent: `42`, `51-200`, `1,000+`, `10 000`. A range counts by its lower
 * bound, so it lands in the band that form options are usually aligned with.
 */
export function employeeCount(companySize: string | undefined): number | undefined {
  const first = companySize?.replace(/(\d)[,.\s](?=\d{3}\b)/g, '$1').match(/\d+/)?.[0];
  return first === undefined ? undefined : Number(first);
}
