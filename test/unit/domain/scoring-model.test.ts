import { describe, expect, it } from 'vitest';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { parseScoringModel } from '#shared/scoring/scoring-model.ts';

describe('parseScoringModel', () => {
  it('accepts the documented default', () => {
    expect(parseScoringModel(modelFile).version).toBe(modelFile.version);
  });

  it('refuses an invalid model, naming each exact path', () => {
    const broken = structuredClone(modelFile) as Record<string, any>;
    broken.fit.grades.A = 'thirty';
    broken.engagement.halfLifeDays = 0;
    broken.fit.jobTitle[0].pattern = '(unclosed';
    let message = '';
    try {
      parseScoringModel(broken);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('fit.grades.A');
    expect(message).toContain('fit.jobTitle.0.pattern');
    expect(message).toContain('engagement.halfLifeDays');
  });

  it('refuses a review threshold above the qualification threshold', () => {
    const broken = structuredClone(modelFile);
    broken.policy.review.minScore = broken.policy.autoQualify.minScore + 1;
    expect(() => parseScoringModel(broken)).toThrow(/policy\.review\.minScore/);
  });
});
