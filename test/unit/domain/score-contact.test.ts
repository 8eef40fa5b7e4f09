import { describe, expect, it } from 'vitest';
import { defaultScoringModel as model } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import { aContact, anActivity, daysBefore, NOW } from '../../support/builders.ts';

const business = { freeMail: false, disposable: false };
const free = { freeMail: true, disposable: false };

describe('scoreContact', () => {
  it('explains every point: the breakdown sums to the total', () => {
    const score = scoreContact(
      {
        contact: aContact({ jobTitle: 'VP Marketing', company: 'Acme', answers: { budget: '50k' } }),
        email: business,
        activities: [anActivity('whitepaper_download'), anActivity('webinar_registration')],
      },
      model,
      NOW,
    );
    const sum = score.breakdown.reduce((total, line) => total + line.points, 0);
    expect(score.total).toBeCloseTo(sum, 5);
    expect(score.breakdown.map((line) => line.rule)).toEqual([
      'fit.businessEmail',
      'fit.companyKnown',
      'fit.jobTitle.vice president or director',
      'engagement.whitepaper_download',
      'engagement.webinar_registration',
      'qualification.budget',
    ]);
    expect(score).toMatchObject({ fit: 30, engagement: 20, qualification: 5, total: 55, grade: 'A' });
    expect(score.modelVersion).toBe(model.version);
    expect(score.scoredAt).toBe(NOW.toISOString());
  });

  it('takes points off a role address (info@, contact@): a team, not a person', () => {
    const person = scoreContact({ contact: aContact(), email: business, activities: [] }, model, NOW);
    const team = scoreContact(
      { contact: aContact(), email: { ...business, role: true }, activities: [] },
      model,
      NOW,
    );
    expect(team.breakdown).toContainEqual(expect.objectContaining({ rule: 'fit.roleEmail', points: -10 }));
    expect(team.fit).toBe(person.fit - 10);
    expect(team.businessEmail).toBe(true);
  });

  it('halves engagement points after one half-life', () => {
    const fresh = scoreContact(
      { contact: aContact(), email: business, activities: [anActivity('whitepaper_download')] },
      model,
      NOW,
    );
    const old = scoreContact(
      {
        contact: aContact(),
        email: business,
        activities: [anActivity('whitepaper_download', daysBefore(NOW, model.engagement.halfLifeDays))],
      },
      model,
      NOW,
    );
    expect(old.engagement).toBeCloseTo(fresh.engagement / 2, 5);
  });

  it('caps repeated activities of one type', () => {
    const many = Array.from({ length: 10 }, () => anActivity('whitepaper_download'));
    const score = scoreContact({ contact: aContact(), email: business, activities: many }, model, NOW);
    expect(score.engagement).toBe(model.engagement.activities.whitepaper_download?.cap);
    expect(score.breakdown.find((line) => line.rule === 'engagement.whitepaper_download')?.reason).toMatch(
      /capped/,
    );
  });

  it('penalizes free-mail and disposable addresses and flags business email', () => {
    const onFree = scoreContact({ contact: aContact(), email: free, activities: [] }, model, NOW);
    const onDisposable = scoreContact(
      { contact: aContact(), email: { freeMail: true, disposable: true }, activities: [] },
      model,
      NOW,
    );
    expect(onFree.fit).toBe(model.fit.freeMail);
    expect(onFree.businessEmail).toBe(false);
    expect(onDisposable.fit).toBe(model.fit.disposableEmail);
  });

  it('matches French job titles and spots students', () => {
    const director = scoreContact(
      { contact: aContact({ jobTitle: 'Directrice commerciale' }), email: business, activities: [] },
      model,
      NOW,
    );
    const student = scoreContact(
      { contact: aContact({ jobTitle: 'Étudiant en master' }), email: business, activities: [] },
      model,
      NOW,
    );
    expect(director.breakdown.some((line) => line.rule === 'fit.jobTitle.vice president or director')).toBe(
      true,
    );
    expect(student.breakdown.some((line) => line.rule === 'fit.jobTitle.student')).toBe(true);
  });

  it('counts only non-empty answers as known and marks hand-raisers', () => {
    const score = scoreContact(
      {
        contact: aContact({ answers: { budget: '  ', authority: 'me', need: 'CRM', timeline: 'Q3' } }),
        email: business,
        activities: [anActivity('demo_request')],
      },
      model,
      NOW,
    );
    expect(score.knownAnswers).toEqual(['authority', 'need', 'timeline']);
    expect(score.handRaiser).toBe(true);
  });
});
