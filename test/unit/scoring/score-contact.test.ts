import { describe, expect, it } from 'vitest';
import type { Score } from '#events/vocabulary/score.ts';
import { defaultScoringModel as model } from '#shared/scoring/default-model.ts';
import { employeeCount } from '#shared/scoring/fit-breakdown.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import { aContact, anActivity, daysBefore, NOW } from '../../support/builders.ts';

const business = { domain: 'acme-industries.com', freeMail: false, disposable: false };
const free = { domain: 'gmail.com', freeMail: true, disposable: false };

const line = (score: Score, rule: string) => score.breakdown.find((candidate) => candidate.rule === rule);
const rules = (score: Score) => score.breakdown.map((candidate) => candidate.rule);

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
    const sum = score.breakdown.reduce((total, entry) => total + entry.points, 0);
    expect(score.total).toBeCloseTo(sum, 5);
    expect(rules(score)).toEqual([
      'fit.businessEmail',
      'fit.companyKnown',
      'fit.jobTitle.vice president or director',
      'fit.role.marketing',
      'engagement.whitepaper_download',
      'engagement.webinar_registration',
      'qualification.budget',
    ]);
    expect(score).toMatchObject({ fit: 40, engagement: 20, qualification: 5, total: 65, grade: 'B' });
    expect(score.modelVersion).toBe(model.version);
    expect(score.scoredAt).toBe(NOW.toISOString());
  });

  it('scores company size, industry and country, and grades the fit', () => {
    const score = scoreContact(
      {
        contact: aContact({
          jobTitle: 'Chief Marketing Officer',
          company: 'Acme',
          companySize: '51-200',
          industry: 'B2B SaaS',
          country: 'Allemagne',
        }),
        email: business,
        activities: [],
      },
      model,
      NOW,
    );
    expect(rules(score)).toEqual([
      'fit.businessEmail',
      'fit.companyKnown',
      'fit.jobTitle.executive',
      'fit.role.marketing',
      'fit.companySize.50-999 employees',
      'fit.industry.software and internet',
      'fit.country.core market',
    ]);
    expect(line(score, 'fit.country.core market')?.reason).toBe('country DE: core market');
    expect(score.grade).toBe('A');
    const bare = scoreContact({ contact: aContact(), email: free, activities: [] }, model, NOW);
    expect(bare.grade).toBe('D');
  });

  it('reads employee counts as forms send them', () => {
    expect(['42', '51-200', '1,000+', '10 000', 'about 5', 'many'].map(employeeCount)).toEqual([
      42,
      51,
      1000,
      10000,
      5,
      undefined,
    ]);
  });

  it('takes points away from competitors, students and schools', () => {
    const competitor = scoreContact(
      { contact: aContact(), email: { ...business, domain: 'eu.hubspot.com' }, activities: [] },
      model,
      NOW,
    );
    expect(line(competitor, 'fit.competitor')).toEqual({
      rule: 'fit.competitor',
      points: model.fit.competitors.points,
      reason: 'competitor domain hubspot.com',
    });
    const student = scoreContact(
      {
        contact: aContact({ jobTitle: 'Étudiant en master' }),
        email: { ...business, domain: 'etu.univ-lyon1.fr' },
        activities: [],
      },
      model,
      NOW,
    );
    expect(rules(student)).toEqual([
      'fit.businessEmail',
      'fit.emailDomain.school or university',
      'fit.jobTitle.student',
    ]);
    expect(student.fit).toBeLessThan(0);
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
    expect(line(old, 'engagement.whitepaper_download')?.reason).toBe(
      '1 × whitepaper download, decayed (half-life 30 days)',
    );
  });

  it('keeps negative signals that do not decay at full weight', () => {
    const score = scoreContact(
      {
        contact: aContact(),
        email: business,
        activities: [anActivity('unsubscribed', daysBefore(NOW, 300))],
      },
      model,
      NOW,
    );
    expect(line(score, 'engagement.unsubscribed')).toEqual({
      rule: 'engagement.unsubscribed',
      points: model.engagement.activities.unsubscribed?.points,
      reason: '1 × unsubscribed, does not decay',
    });
    expect(score.staleAfter).toBeUndefined();
  });

  it('caps repeated activities of one type', () => {
    const many = Array.from({ length: 10 }, (_, index) =>
      anActivity('whitepaper_download', daysBefore(NOW, index / 1000)),
    );
    const score = scoreContact({ contact: aContact(), email: business, activities: many }, model, NOW);
    expect(score.engagement).toBe(model.engagement.activities.whitepaper_download?.cap);
    expect(line(score, 'engagement.whitepaper_download')?.reason).toMatch(/^10 × .*capped at 30$/);
  });

  it('scores page visits by category, given or found from the URL, and careers visits negatively', () => {
    const visit = (details: { page?: string; pageCategory?: string }, channel = 'website') =>
      anActivity('page_visited', NOW.toISOString(), undefined, { channel, ...details });
    const score = scoreContact(
      {
        contact: aContact(),
        email: business,
        activities: [
          visit({ page: 'https://acme.example/pricing?plan=team' }),
          visit({ pageCategory: 'Pricing' }),
          visit({ page: '/fr/carrieres/' }),
          visit({ page: '/about-us' }),
        ],
      },
      model,
      NOW,
    );
    expect(score.breakdown.filter((entry) => entry.rule.startsWith('engagement.'))).toEqual([
      {
        rule: 'engagement.page.pricing',
        points: 20,
        reason: '2 × pricing page visit, decayed (half-life 30 days)',
      },
      {
        rule: 'engagement.page.careers',
        points: -10,
        reason: '1 × careers page visit, decayed (half-life 30 days)',
      },
      { rule: 'engagement.page_visited', points: 2, reason: '1 × page visited, decayed (half-life 30 days)' },
    ]);
  });

  it('adds a bonus for engaging on several channels within the window', () => {
    const activities = [
      anActivity('whitepaper_download', daysBefore(NOW, 20)),
      anActivity('page_visited', daysBefore(NOW, 10), undefined, {
        channel: 'website',
        pageCategory: 'pricing',
      }),
      anActivity('webinar_attended', daysBefore(NOW, 5), undefined, { channel: 'webinar' }),
      anActivity('email_clicked', daysBefore(NOW, 200), undefined, { channel: 'email' }),
    ];
    const score = scoreContact({ contact: aContact(), email: business, activities }, model, NOW);
    expect(line(score, 'engagement.multiChannel')).toEqual({
      rule: 'engagement.multiChannel',
      points: 10,
      reason: 'engaged on 3 channels in 90 days (web-form, webinar, website)',
    });
    // The bonus may drop when the web form (20 days ago) leaves the 90-day window, before the weekly re-score.
    expect(score.staleAfter).toBe(daysBefore(NOW, -7));
    expect(score.lastEngagedAt).toBe(daysBefore(NOW, 5));
  });

  it('asks for a re-score while engagement still decays', () => {
    const score = scoreContact(
      {
        contact: aContact(),
        email: business,
        activities: [anActivity('newsletter_signup', daysBefore(NOW, 1))],
      },
      model,
      NOW,
    );
    expect(score.staleAfter).toBe(daysBefore(NOW, -model.rescore.everyDays));
    const faded = scoreContact(
      {
        contact: aContact(),
        email: business,
        activities: [anActivity('newsletter_signup', daysBefore(NOW, 200))],
      },
      model,
      NOW,
    );
    expect(faded.staleAfter).toBeUndefined();
  });

  it('counts only engagement after a rejected review, and says so', () => {
    const score = scoreContact(
      {
        contact: aContact({ recycledAt: daysBefore(NOW, 10) }),
        email: business,
        activities: [
          anActivity('demo_request', daysBefore(NOW, 12)),
          anActivity('newsletter_signup', daysBefore(NOW, 2)),
        ],
      },
      model,
      NOW,
    );
    expect(score.breakdown.filter((entry) => entry.rule.startsWith('engagement.'))).toEqual([
      {
        rule: 'engagement.sinceRecycle',
        points: 0,
        reason: `recycled on ${daysBefore(NOW, 10).slice(0, 10)}: 1 earlier activity no longer counts; since then: 1 newsletter signup`,
      },
      expect.objectContaining({ rule: 'engagement.newsletter_signup' }),
    ]);
    expect(score.handRaiser).toBe(false);
    expect(score.lastSignOfLifeAt).toBe(daysBefore(NOW, 2));
  });

  it('says what counted since a recycle: opens and clicks are not signs of life', () => {
    const score = scoreContact(
      {
        contact: aContact({ recycledAt: daysBefore(NOW, 10) }),
        email: business,
        activities: [
          anActivity('quote_request', daysBefore(NOW, 12)),
          anActivity('email_opened', daysBefore(NOW, 3)),
          anActivity('email_opened', daysBefore(NOW, 2)),
          anActivity('email_clicked', daysBefore(NOW, 2)),
        ],
      },
      model,
      NOW,
    );
    expect(line(score, 'engagement.sinceRecycle')?.reason).toBe(
      `recycled on ${daysBefore(NOW, 10).slice(0, 10)}: 1 earlier activity no longer counts; no sign of life since; not signs of life: 2 email opened, 1 email clicked`,
    );
    expect(score.lastSignOfLifeAt).toBeUndefined();
    expect(score.lastEngagedAt).toBe(daysBefore(NOW, 2));
  });

  it('penalizes free-mail and disposable addresses and flags business email', () => {
    const onFree = scoreContact({ contact: aContact(), email: free, activities: [] }, model, NOW);
    const onDisposable = scoreContact(
      {
        contact: aContact(),
        email: { domain: 'mailinator.com', freeMail: true, disposable: true },
        activities: [],
      },
      model,
      NOW,
    );
    expect(onFree.fit).toBe(model.fit.freeMail);
    expect(onFree.businessEmail).toBe(false);
    expect(onDisposable.fit).toBe(model.fit.disposableEmail);
  });

  it('matches French job titles', () => {
    const director = scoreContact(
      { contact: aContact({ jobTitle: 'Directrice commerciale' }), email: business, activities: [] },
      model,
      NOW,
    );
    expect(rules(director)).toContain('fit.jobTitle.vice president or director');
    expect(rules(director)).toContain('fit.role.sales or revenue operations');
  });

  it('counts only non-empty answers as known, tells complete frameworks, and marks hand-raisers', () => {
    const score = scoreContact(
      {
        contact: aContact({
          answers: {
            budget: '  ',
            authority: 'me',
            need: 'CRM',
            timeline: 'Q3',
            goals: 'x2',
            plans: 'hire',
            challenges: 'noise',
          },
        }),
        email: business,
        activities: [
          anActivity('newsletter_signup', daysBefore(NOW, 3)),
          anActivity('demo_request', daysBefore(NOW, 2)),
        ],
      },
      model,
      NOW,
    );
    expect(score.knownAnswers).toEqual(['authority', 'need', 'timeline', 'goals', 'plans', 'challenges']);
    expect(score.completeFrameworks).toEqual(['GPCT']);
    expect(score.qualification).toBe(5 * 3 + 3 * 3);
    expect(score.handRaiser).toBe(true);
    expect(score.lastHandRaiseAt).toBe(daysBefore(NOW, 2));
  });
});
