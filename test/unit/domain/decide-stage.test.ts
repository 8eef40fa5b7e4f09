import { describe, expect, it } from 'vitest';
import type { Stage } from '#shared/contact/stage.ts';
import { decideStage } from '#shared/lifecycle/decide-stage.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import type { Score } from '#shared/scoring/score.ts';

const policy = defaultScoringModel.policy;
const allAnswers: Score['knownAnswers'] = ['budget', 'authority', 'need', 'timeline'];

function aScore(overrides: Partial<Score>): Score {
  return {
    total: 10,
    fit: 10,
    engagement: 0,
    qualification: 0,
    grade: 'C',
    breakdown: [],
    knownAnswers: [],
    handRaiser: false,
    businessEmail: true,
    modelVersion: 'test',
    scoredAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

describe('decideStage', () => {
  it.each<[string, Stage, Partial<Score>, Stage]>([
    ['a newsletter reader stays a lead', 'lead', { total: 15 }, 'lead'],
    [
      'a demo request with every answer from a business email qualifies',
      'lead',
      { handRaiser: true, knownAnswers: allAnswers },
      'prospect',
    ],
    [
      'a demo request from free mail goes to review',
      'lead',
      { handRaiser: true, knownAnswers: allAnswers, businessEmail: false },
      'review',
    ],
    ['a demo request without answers goes to review', 'lead', { handRaiser: true }, 'review'],
    ['a high score with every answer qualifies', 'lead', { total: 80, knownAnswers: allAnswers }, 'prospect'],
    [
      'a high score with missing answers goes to review',
      'lead',
      { total: 80, knownAnswers: ['budget'] },
      'review',
    ],
    ['a score between the thresholds goes to review', 'lead', { total: 55 }, 'review'],
    ['review waits for a person even if the score drops', 'review', { total: 5 }, 'review'],
    [
      'review qualifies outright once every answer is known',
      'review',
      { handRaiser: true, knownAnswers: allAnswers },
      'prospect',
    ],
    ['a prospect is never demoted by the scorer', 'prospect', { total: 0 }, 'prospect'],
    [
      'a disqualified contact stays disqualified',
      'disqualified',
      { total: 99, knownAnswers: allAnswers },
      'disqualified',
    ],
    ['a customer stays a customer', 'customer', { total: 0 }, 'customer'],
  ])('%s', (_name, current, score, expected) => {
    const decision = decideStage(current, aScore(score), policy);
    expect(decision.stage).toBe(expected);
    expect(decision.reason.length).toBeGreaterThan(5);
  });
});
