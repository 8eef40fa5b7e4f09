import { describe, expect, it } from 'vitest';
import type { Contact, QualificationAnswers } from '#shared/contact/contact.ts';
import { decideStage } from '#shared/lifecycle/decide-stage.ts';
import { defaultScoringModel as model } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';
import { aContact, anActivity, NOW } from '../../support/builders.ts';

const business = { domain: 'orbit-saas.io', freeMail: false, disposable: false };
const bant = {
  budget: '40k€ this year',
  authority: 'I sign',
  need: 'qualify inbound leads',
  timeline: 'next quarter',
};
const profile = { jobTitle: 'Director of Operations', company: 'Orbit', companySize: '250', country: 'DE' };

function demoRequest(
  answers: QualificationAnswers,
  extra: Partial<Contact> = {},
  scoringModel: ScoringModel = model,
) {
  const score = scoreContact(
    {
      contact: aContact({ ...profile, answers, ...extra }),
      email: business,
      activities: [anActivity('demo_request')],
    },
    scoringModel,
    NOW,
  );
  return { score, decision: decideStage('lead', score, scoringModel.policy) };
}

describe('qualification answers read for meaning', () => {
  it('a demo request answering no budget, not me, none and never goes to a person, not to sales', () => {
    const { score, decision } = demoRequest({
      budget: 'no budget',
      authority: 'not me',
      need: 'none',
      timeline: 'never',
    });
    expect(score.knownAnswers).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(score.negativeAnswers).toEqual(['budget', 'authority', 'need', 'timeline']);
    expect(score.completeFrameworks).toEqual([]);
    expect(score.negativeFrameworks).toEqual(['BANT']);
    expect(decision).toEqual({
      stage: 'review',
      reason: 'asked to talk to the team; answered no to budget, authority, timeline',
    });
    expect(score.breakdown.filter((line) => line.rule.startsWith('qualification.'))).toEqual([
      {
        rule: 'qualification.budget.negative',
        points: -10,
        reason: 'budget: a free-text answer read as negative; never qualifies automatically',
      },
      {
        rule: 'qualification.authority.negative',
        points: -5,
        reason: 'authority: a free-text answer read as negative; never qualifies automatically',
      },
      {
        rule: 'qualification.need.negative',
        points: -10,
        reason: 'need: a free-text answer read as negative',
      },
      {
        rule: 'qualification.timeline.negative',
        points: -5,
        reason: 'timeline: a free-text answer read as negative; never qualifies automatically',
      },
    ]);
  });

  it('the same demo request with real answers qualifies automatically, as before', () => {
    const { score, decision } = demoRequest(bant);
    expect(score.completeFrameworks).toEqual(['BANT']);
    expect(score.negativeAnswers).toEqual([]);
    expect(decision.stage).toBe('prospect');
  });

  it.each([
    ['budget', 'No budget.'],
    ['budget', 'Pas de budget'],
    ['budget', 'sans budget pour le moment'],
    ['budget', 'aucun'],
    ['budget', 'N/A'],
    ['budget', 'Zero budget this year'],
    ['authority', 'Not me, my boss decides'],
    ['authority', 'pas moi'],
    ['authority', 'I am not the decision maker'],
    ['authority', 'Je ne décide pas'],
    ['need', 'no need'],
    ['need', 'Pas de besoin'],
    ['need', 'just browsing'],
    ['timeline', 'never'],
    ['timeline', 'Jamais'],
    ['timeline', 'no plans'],
    ['timeline', 'Pas prévu'],
    ['timeline', 'not this year'],
  ] as const)('reads %s %j as negative', (key, text) => {
    const { score } = demoRequest({ ...bant, [key]: text });
    expect(score.negativeAnswers).toEqual([key]);
    expect(score.breakdown.map((line) => line.rule)).toContain(`qualification.${key}.negative`);
  });

  it.each([
    ['budget', '10k'],
    ['budget', 'no more than 20k'],
    ['authority', 'CMO, I decide'],
    ['need', 'none of our tools scores leads'],
    ['timeline', 'Q3'],
    ['timeline', 'dans 3 mois'],
  ] as const)('keeps %s %j a qualifying answer', (key, text) => {
    expect(demoRequest({ ...bant, [key]: text }).score.negativeAnswers).toEqual([]);
  });

  it('counts "not sure" and "je ne sais pas" as not known, with a line saying so', () => {
    const { score, decision } = demoRequest({ ...bant, budget: 'not sure', timeline: 'Je ne sais pas' });
    expect(score.knownAnswers).toEqual(['authority', 'need']);
    expect(score.completeFrameworks).toEqual([]);
    expect(score.negativeFrameworks).toEqual([]);
    expect(score.breakdown.map((line) => line.rule)).toContain('qualification.budget.unknown');
    expect(decision.reason).toBe('asked to talk to the team; qualification not complete');
  });

  it('reads a picklist answer as the form configuration maps its option, whatever the text', () => {
    const { score, decision } = demoRequest(
      { ...bant, budget: 'under_5k', timeline: 'next_quarter' },
      { answerReadings: { budget: 'disqualifying', timeline: 'qualifying' } },
    );
    expect(score.negativeAnswers).toEqual(['budget']);
    expect(score.breakdown).toContainEqual(
      expect.objectContaining({
        rule: 'qualification.budget.negative',
        reason: expect.stringContaining('an option the form maps as negative'),
      }),
    );
    expect(decision.stage).toBe('review');
  });

  it('lets a model allow a negative answer to qualify (blockOnNegative), still showing its line', () => {
    const anyScore = structuredClone(model);
    anyScore.policy.autoQualify = {
      ...anyScore.policy.autoQualify,
      minScore: 0,
      requireCompleteFramework: [],
    };
    const answers = { ...bant, budget: 'pas de budget' };
    expect(demoRequest(answers, {}, anyScore).decision.stage).toBe('review');
    anyScore.policy.autoQualify.blockOnNegative = [];
    const { score, decision } = demoRequest(answers, {}, anyScore);
    expect(decision.stage).toBe('prospect');
    expect(score.breakdown.map((line) => line.rule)).toContain('qualification.budget.negative');
  });
});
