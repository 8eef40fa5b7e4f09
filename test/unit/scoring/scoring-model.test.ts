import { describe, expect, it } from 'vitest';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { InvalidScoringModelError, parseScoringModel } from '#shared/scoring/scoring-model.ts';

function errorOf(input: unknown, origin?: string): string {
  try {
    parseScoringModel(input, origin);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidScoringModelError);
    return String(error);
  }
  throw new Error('the model was accepted');
}

describe('parseScoringModel', () => {
  it('accepts the documented default', () => {
    expect(parseScoringModel(modelFile).version).toBe(modelFile.version);
  });

  it('fills the optional sections with neutral defaults', () => {
    const minimal = structuredClone(modelFile) as Record<string, any>;
    delete minimal.fit.role;
    delete minimal.fit.competitors;
    delete minimal.engagement.pages;
    delete minimal.rescore;
    const model = parseScoringModel(minimal);
    expect(model.fit.role).toEqual([]);
    expect(model.fit.competitors).toEqual({ domains: [], points: 0 });
    expect(model.engagement.pages).toEqual({ categories: {}, classify: [] });
    expect(model.rescore).toEqual({ everyDays: 7, minDecayingPoints: 1 });
    expect(model.engagement.activities.newsletter_signup?.decays).toBe(true);
  });

  it('refuses an invalid model, naming each exact path and the file', () => {
    const broken = structuredClone(modelFile) as Record<string, any>;
    broken.fit.grades.A = 'thirty';
    broken.engagement.halfLifeDays = 0;
    broken.fit.jobTitle[0].pattern = '(unclosed';
    broken.fit.country[0].countries.push('XX');
    broken.engagement.activities.webinar_attended.cap = -1;
    broken.handRaisers.push('phone_call');
    const message = errorOf(broken, 'models/candidate.json');
    expect(message).toContain('Invalid scoring model in models/candidate.json');
    for (const path of [
      'fit.grades.A',
      'fit.jobTitle.0.pattern',
      'engagement.halfLifeDays',
      'fit.country.0.countries.12',
      'engagement.activities.webinar_attended.cap',
      'handRaisers.5',
    ]) {
      expect(message).toContain(`- ${path}:`);
    }
  });

  it('refuses a review threshold above the qualification threshold', () => {
    const broken = structuredClone(modelFile);
    broken.policy.review.minScore = broken.policy.autoQualify.minScore + 1;
    expect(errorOf(broken)).toContain('- policy.review.minScore:');
  });

  it('refuses grades out of order, unknown page categories and unknown rule names', () => {
    const broken = structuredClone(modelFile) as Record<string, any>;
    broken.fit.grades.C = 99;
    broken.engagement.pages.classify.push({ category: 'webinars', pattern: '/webinars' });
    broken.policy.disqualify.onRules.push('competitor');
    broken.fit.companySize[0].max = 0;
    const message = errorOf(broken);
    expect(message).toContain('- fit.grades: grades must satisfy A ≥ B ≥ C');
    expect(message).toContain('- engagement.pages.classify.5.category: category "webinars"');
    expect(message).toContain('- policy.disqualify.onRules.1:');
    expect(message).toContain('- fit.companySize.0.max:');
  });

  it('refuses something that is not a model at all', () => {
    expect(errorOf('b2b')).toContain('- (root):');
  });
});
