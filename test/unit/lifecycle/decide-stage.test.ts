import { describe, expect, it } from 'vitest';
import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import { decideStage, type LifecycleContext } from '#shared/lifecycle/decide-stage.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';

const policy = defaultScoringModel.policy;
const bant: Partial<Score> = {
  knownAnswers: ['budget', 'authority', 'need', 'timeline'],
  completeFrameworks: ['BANT'],
};
const demo: Partial<Score> = {
  handRaiser: true,
  lastHandRaiseAt: '2026-03-02T09:00:00.000Z',
  lastSignOfLifeAt: '2026-03-02T09:00:00.000Z',
};
const rejectedBefore: LifecycleContext = { recycledAt: '2026-03-01T00:00:00.000Z' };
const rejectedAfter: LifecycleContext = { recycledAt: '2026-03-02T09:30:00.000Z' };

function aScore(overrides: Partial<Score>): Score {
  return {
    total: 10,
    fit: 20,
    engagement: 30,
    qualification: 0,
    grade: 'C',
    breakdown: [],
    knownAnswers: [],
    completeFrameworks: [],
    handRaiser: false,
    businessEmail: true,
    modelVersion: 'test',
    scoredAt: '2026-03-02T10:00:00.000Z',
    lastEngagedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

describe('decideStage', () => {
  it.each<[string, Stage, Partial<Score>, Stage, LifecycleContext?]>([
    ['a newsletter reader stays a lead', 'lead', { total: 15 }, 'lead'],
    [
      'a demo request with BANT complete from a business email qualifies',
      'lead',
      { ...demo, ...bant },
      'prospect',
    ],
    [
      'a demo request with BANT complete from free mail goes to review',
      'lead',
      { ...demo, ...bant, businessEmail: false },
      'review',
    ],
    [
      'a demo request with BANT complete but a D grade goes to review',
      'lead',
      { ...demo, ...bant, grade: 'D' },
      'review',
    ],
    [
      'GPCT alone does not qualify under the default policy',
      'lead',
      { ...demo, knownAnswers: ['goals', 'plans', 'challenges', 'timeline'], completeFrameworks: ['GPCT'] },
      'review',
    ],
    ['a demo request without answers goes to review', 'lead', demo, 'review'],
    ['a high score with BANT complete qualifies', 'lead', { total: 80, ...bant }, 'prospect'],
    ['a high score without BANT goes to review', 'lead', { total: 80, knownAnswers: ['budget'] }, 'review'],
    ['a score between the thresholds goes to review', 'lead', { total: 55 }, 'review'],
    ['a great fit that barely engaged stays a lead', 'lead', { total: 65, engagement: 10 }, 'lead'],
    ['review waits for a person even if the score drops', 'review', { total: 5 }, 'review'],
    ['review qualifies outright once BANT is complete', 'review', { ...demo, ...bant }, 'prospect'],
    [
      'a competitor is disqualified, whatever it asked',
      'lead',
      {
        ...demo,
        ...bant,
        breakdown: [{ rule: 'fit.competitor', points: -50, reason: 'competitor domain x.com' }],
      },
      'disqualified',
    ],
    [
      'a rejected lead does not bounce back on its old hand-raise',
      'lead',
      { ...demo, total: 60 },
      'lead',
      rejectedAfter,
    ],
    [
      'a rejected lead that engaged again goes back to review on a new hand-raise',
      'lead',
      demo,
      'review',
      rejectedBefore,
    ],
    ['a prospect is never demoted by the scorer', 'prospect', { total: 0 }, 'prospect'],
    ['a disqualified contact stays disqualified', 'disqualified', { total: 99, ...bant }, 'disqualified'],
    ['a customer stays a customer', 'customer', { total: 0 }, 'customer'],
  ])('%s', (_name, current, score, expected, context) => {
    const decision = decideStage(current, aScore(score), policy, context);
    expect(decision.stage).toBe(expected);
    expect(decision.reason.length).toBeGreaterThan(5);
  });

  it('says why, in words sales can read', () => {
    expect(decideStage('lead', aScore({ ...demo, ...bant }), policy).reason).toBe(
      'asked to talk to the team with BANT complete',
    );
    expect(decideStage('lead', aScore({ total: 55 }), policy).reason).toBe('score 55 ≥ review threshold 50');
    expect(decideStage('lead', aScore({ total: 65, engagement: 10 }), policy).reason).toBe(
      'engagement 10 below the 25 needed for review',
    );
    expect(decideStage('lead', aScore({ ...demo, total: 60 }), policy, rejectedAfter).reason).toBe(
      'recycled on 2026-03-02; waiting for a sign of life (a form, a meeting booked)',
    );
  });

  it('a rejected grade A prospect with BANT is not brought back by an email open (mail privacy fires them)', () => {
    const opened = aScore({ ...bant, grade: 'A', total: 95, lastEngagedAt: '2026-03-05T08:00:00.000Z' });
    expect(decideStage('lead', opened, policy, rejectedBefore)).toEqual({
      stage: 'lead',
      reason: 'recycled on 2026-03-01; waiting for a sign of life (a form, a meeting booked)',
    });
  });

  it('a recycled contact that raises its hand again with BANT goes back through review, unless the model allows', () => {
    const back = aScore({ ...demo, ...bant, grade: 'A', total: 95 });
    expect(decideStage('lead', back, policy, rejectedBefore)).toEqual({
      stage: 'review',
      reason:
        'recycled on 2026-03-01, back through review by a person: asked to talk to the team with BANT complete',
    });
    expect(decideStage('review', back, policy, rejectedBefore).stage).toBe('review');
    const trusting = { ...policy, recycle: { ...policy.recycle, autoQualify: true } };
    expect(decideStage('lead', back, trusting, rejectedBefore).stage).toBe('prospect');
  });

  it('lets a policy without a framework requirement qualify a hand-raiser on any complete framework', () => {
    const open = {
      ...policy,
      autoQualify: { ...policy.autoQualify, requireCompleteFramework: [] },
    };
    const gpct = aScore({ ...demo, completeFrameworks: ['GPCT'] });
    expect(decideStage('lead', gpct, open).reason).toBe('asked to talk to the team with GPCT complete');
  });

  it('hands a contact an import created to sales only on engagement after the import', () => {
    const imported: LifecycleContext = { importedAt: '2026-03-02T09:30:00.000Z' };
    const strong = aScore({ ...demo, ...bant, total: 90 });
    expect(decideStage('lead', strong, policy, imported)).toEqual({
      stage: 'lead',
      reason: 'imported on 2026-03-02; its history is scored, a hand-off waits for new engagement',
    });
    const engagedSince = aScore({ ...demo, ...bant, total: 90, lastEngagedAt: '2026-03-02T09:45:00.000Z' });
    expect(decideStage('lead', engagedSince, policy, imported).stage).toBe('prospect');
    // A hand raised before the import is history: only one raised since counts as asking now.
    const later = { lastEngagedAt: '2026-03-02T09:45:00.000Z' };
    expect(decideStage('lead', aScore({ ...demo, ...bant, ...later }), policy, imported).stage).toBe('lead');
    const raisedSince = aScore({ ...demo, ...bant, ...later, lastHandRaiseAt: later.lastEngagedAt });
    expect(decideStage('lead', raisedSince, policy, imported).stage).toBe('prospect');
  });
});
