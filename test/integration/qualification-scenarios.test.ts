import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dealWon } from '#events/deal-won.ts';
import { ENGAGEMENT_SOURCE } from '#events/engagement-source.ts';
import { runModelCommand } from '#infra/model-cli/run-model-command.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { type LocalEvent, LocalPipeline } from '../support/local-pipeline.ts';
import { runCaptured } from '../support/run-command.ts';
import { StandInApi } from '../support/stand-in-api.ts';

/**
 * The qualification scenarios of the product, end to end on the local runtime: signed forms and
 * engagement signals in; stage, explained score, sales emails, nurture emails and events out.
 * The functions run in this process, so faking Date moves their clock across weeks.
 */
const SALES = 'sales@seller.example';
const MARKETING = 'marketing@seller.example';
const consent = { granted: true, purpose: 'product news' };
const bant = {
  budget: '40k€ this year',
  authority: 'I sign',
  need: 'qualify inbound leads',
  timeline: 'next quarter',
};

let pipeline: LocalPipeline;
/** The team's Slack channel, as an incoming webhook answers: it hears of reviews only. */
const slack = new StandInApi();

beforeAll(async () => {
  const slackUrl = `${await slack.start()}/services/T0/B0/local`;
  pipeline = await LocalPipeline.start({
    env: {
      LEADFLOW_SALES_NOTIFY: SALES,
      LEADFLOW_MARKETING_NOTIFY: MARKETING,
      LEADFLOW_SLACK_NOTIFY: 'review-requested',
      SLACK_WEBHOOK_URL: slackUrl,
    },
  });
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterAll(async () => {
  vi.useRealTimers();
  await pipeline?.stop();
  await slack.stop();
});

/** Moves the functions' clock, then does something and waits until the pipeline is idle again. */
async function atTime(iso: string, act: () => Promise<unknown>): Promise<void> {
  vi.setSystemTime(new Date(iso));
  await act();
  await pipeline.settled();
}

async function post(submission: Record<string, unknown>): Promise<void> {
  const response = await pipeline.postForm(submission);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
}

async function eventsAbout(email: string, detailType: string): Promise<LocalEvent[]> {
  const contactId = contactIdFor(email);
  return (await pipeline.events(detailType)).filter(
    (event) => (event.detail.contactId ?? event.detail.contact?.contactId) === contactId,
  );
}

/** The internal notifications about one contact, by recipient. */
async function notificationsAbout(email: string) {
  const about = async (to: string) =>
    (await pipeline.emailsTo(to))
      .filter((mail) => mail.body.text?.split('\n').some((line) => line.startsWith(email)))
      .map((mail) => mail.subject.replace(/ — .*/, ''));
  return { sales: await about(SALES), marketing: await about(MARKETING) };
}

const rules = (profile: Record<string, any> | undefined): string[] =>
  (profile?.score?.breakdown ?? []).map((line: { rule: string }) => line.rule);

describe('qualification scenarios on the local runtime', () => {
  it('newsletter only: stays a lead, is asked to confirm its subscription (double opt-in), and sales hears nothing', async () => {
    const email = 'nora@nordwind-logistics.de';
    await atTime('2026-04-01T09:00:00Z', () =>
      post({
        email,
        formType: 'newsletter',
        firstName: 'Nora',
        company: 'Nordwind',
        jobTitle: 'Marketing Manager',
        consent,
      }),
    );

    const profile = await pipeline.profile(email);
    expect(profile?.stage).toBe('lead');
    expect(rules(profile)).toEqual([
      'fit.businessEmail',
      'fit.companyKnown',
      'fit.jobTitle.manager',
      'fit.role.marketing',
      'engagement.newsletter_signup',
    ]);
    expect(profile?.score).toMatchObject({ engagement: 5, modelVersion: defaultScoringModel.version });
    expect((await eventsAbout(email, 'Contact Scored')).map((event) => event.detail.stage)).toEqual(['lead']);
    expect(await eventsAbout(email, 'Lead Review Requested')).toEqual([]);
    expect(await eventsAbout(email, 'Prospect Qualified')).toEqual([]);
    expect((await pipeline.emailsTo(email)).map((mail) => mail.subject)).toEqual([
      'Please confirm your subscription',
    ]);
    expect(await notificationsAbout(email)).toEqual({ sales: [], marketing: [] });
  });

  it('whitepaper, webinar and pricing visits over weeks: a lead until a pricing visit sends it to review, once', async () => {
    const email = 'bruno@brightline-studio.fr';
    const profile = {
      firstName: 'Bruno',
      company: 'Brightline',
      jobTitle: 'Marketing Manager',
      companySize: '30',
      country: 'France',
    };
    await atTime('2026-05-04T09:00:00Z', () => post({ email, formType: 'whitepaper', ...profile, consent }));
    expect((await pipeline.profile(email))?.stage).toBe('lead');

    await atTime('2026-05-18T09:00:00Z', () => post({ email, formType: 'webinar', consent }));
    expect((await pipeline.profile(email))?.stage).toBe('lead');

    for (const day of ['25', '26', '27']) {
      await atTime(`2026-05-${day}T09:00:00Z`, () =>
        pipeline.recordSignal(email, {
          type: 'page_visited',
          channel: 'website',
          page: 'https://seller.example/pricing',
        }),
      );
    }
    const stored = await pipeline.profile(email);
    expect(stored?.stage).toBe('review');
    expect(rules(stored)).toEqual(
      expect.arrayContaining([
        'engagement.whitepaper_download',
        'engagement.webinar_registration',
        'engagement.page.pricing',
        'engagement.multiChannel',
      ]),
    );
    const whitepaper = stored?.score.breakdown.find(
      (line: { rule: string }) => line.rule === 'engagement.whitepaper_download',
    );
    expect(whitepaper.points).toBeLessThan(10);
    expect(whitepaper.reason).toMatch(/decayed \(half-life 30 days\)/);

    const requested = await eventsAbout(email, 'Lead Review Requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]?.detail).toMatchObject({
      requestedAt: '2026-05-25T09:00:00.000Z',
      reason: expect.stringMatching(/^score [\d.]+ ≥ review threshold 50$/),
      activitySummary: {
        count: 3,
        byType: { whitepaper_download: 1, webinar_registration: 1, page_visited: 1 },
      },
    });
    expect((await eventsAbout(email, 'Contact Scored')).map((event) => event.detail.stage)).toContain(
      'review',
    );
    expect(await notificationsAbout(email)).toEqual({
      sales: ['Review requested: Bruno (Brightline)'],
      marketing: [],
    });
  });

  it('demo request without answers: review, accepted by a person, one Prospect Qualified', async () => {
    const email = 'dana@delta-freight.com';
    await atTime('2026-06-01T09:00:00Z', () =>
      post({
        email,
        formType: 'demo',
        firstName: 'Dana',
        company: 'Delta Freight',
        jobTitle: 'VP Sales',
        consent,
      }),
    );
    const contactId = contactIdFor(email);
    expect((await pipeline.profile(email))?.stage).toBe('review');
    const queue = await pipeline.admin('GET', '/admin/reviews?limit=100');
    const entry = queue.body.reviews.find((review: { contactId: string }) => review.contactId === contactId);
    expect(entry).toMatchObject({
      email,
      reason: 'asked to talk to the team; qualification not complete',
      score: {
        breakdown: expect.arrayContaining([expect.objectContaining({ rule: 'engagement.demo_request' })]),
      },
    });
    expect(await notificationsAbout(email)).toEqual({
      sales: ['Review requested: Dana (Delta Freight)'],
      marketing: [],
    });
    // The email's buttons open the console served by the same runtime, at this contact's dialog.
    const [review] = (await pipeline.emailsTo(SALES)).filter((mail) => mail.body.text?.includes(email));
    expect(review?.body.text).toContain(
      `Accept: ${pipeline.runtime.urls.gateway}/#/contacts/${contactId}?decide=accept`,
    );
    // The team's channel heard of it once, with the same buttons.
    const posts = slack.requests.filter((request) => request.body.includes('Dana (Delta Freight)'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toContain(`/#/contacts/${contactId}?decide=accept`);

    await atTime('2026-06-01T11:30:00Z', async () => {
      const decision = await pipeline.admin('POST', `/admin/reviews/${contactId}`, {
        decision: 'accept',
        reason: 'called her: evaluating tools this quarter',
        reviewer: 'alice@seller.example',
        answers: { need: 'route planning leads', timeline: 'this quarter' },
      });
      expect(decision).toMatchObject({ status: 200, body: { stage: 'prospect' } });
    });
    // Later activity changes nothing for a prospect, and never announces it again.
    await atTime('2026-06-03T09:00:00Z', () => post({ email, formType: 'whitepaper' }));

    const qualified = await eventsAbout(email, 'Prospect Qualified');
    expect(qualified).toHaveLength(1);
    expect(qualified[0]?.detail).toMatchObject({
      qualifiedBy: { kind: 'person', id: 'alice@seller.example' },
      qualifiedAt: '2026-06-01T11:30:00.000Z',
      reason: 'accepted by alice@seller.example: called her: evaluating tools this quarter',
      answers: { need: 'route planning leads', timeline: 'this quarter' },
      contact: { contactId, firstName: 'Dana', company: 'Delta Freight' },
    });
    expect((await pipeline.profile(email))?.stage).toBe('prospect');
    const view = await pipeline.admin('GET', `/admin/contacts?email=${encodeURIComponent(email)}`);
    expect(view.body.transitions).toEqual([
      expect.objectContaining({ from: 'lead', to: 'review', by: 'scorer' }),
      expect.objectContaining({ from: 'review', to: 'prospect', by: 'person:alice@seller.example' }),
    ]);
    const stillQueued = await pipeline.admin('GET', '/admin/reviews?limit=100');
    expect(stillQueued.body.reviews.map((review: { contactId: string }) => review.contactId)).not.toContain(
      contactId,
    );
    expect(await notificationsAbout(email)).toEqual({
      sales: ['Review requested: Dana (Delta Freight)', 'Prospect qualified: Dana (Delta Freight)'],
      marketing: ['Prospect qualified: Dana (Delta Freight)'],
    });
  });

  it('detailed form with BANT: qualifies automatically, without review or nurture', async () => {
    const email = 'omar@orbit-saas.io';
    await atTime('2026-07-01T09:00:00Z', () =>
      post({
        email,
        formType: 'detailed',
        firstName: 'Omar',
        company: 'Orbit',
        jobTitle: 'Director of Operations',
        companySize: '250',
        industry: 'SaaS',
        country: 'Germany',
        answers: bant,
        consent,
      }),
    );
    const stored = await pipeline.profile(email);
    expect(stored?.stage).toBe('prospect');
    expect(stored?.score.completeFrameworks).toEqual(['BANT']);
    expect(rules(stored)).toEqual(
      expect.arrayContaining([
        'fit.companySize.50-999 employees',
        'fit.country.core market',
        'qualification.budget',
      ]),
    );
    const qualified = await eventsAbout(email, 'Prospect Qualified');
    expect(qualified).toHaveLength(1);
    expect(qualified[0]?.detail).toMatchObject({
      qualifiedBy: { kind: 'auto' },
      reason: expect.stringMatching(/^score [\d.]+ ≥ qualification threshold 70 with BANT complete$/),
      answers: bant,
    });
    expect(await eventsAbout(email, 'Lead Review Requested')).toEqual([]);
    expect(await pipeline.emailsTo(email)).toEqual([]);
    expect(await notificationsAbout(email)).toEqual({
      sales: ['Prospect qualified: Omar (Orbit)'],
      marketing: ['Prospect qualified: Omar (Orbit)'],
    });
  });

  it.each([['john&jane@company.com'], ['first~last@acme.io'], ['ivan@пример.рф']])(
    'an unusual but valid address (%s) is handed off like any other: Prospect Qualified and a sales email',
    async (address) => {
      await atTime('2026-07-01T10:00:00Z', () =>
        post({
          email: address,
          formType: 'detailed',
          firstName: 'Jo',
          company: 'Orbit',
          jobTitle: 'Director of Operations',
          companySize: '250',
          country: 'Germany',
          answers: bant,
          consent,
        }),
      );
      const email = address.replace('пример.рф', 'xn--e1afmkfd.xn--p1ai');
      expect((await pipeline.profile(email))?.stage).toBe('prospect');
      expect(await eventsAbout(email, 'Prospect Qualified')).toHaveLength(1);
      expect((await notificationsAbout(email)).sales).toEqual(['Prospect qualified: Jo (Orbit)']);
    },
  );

  it('an address SES cannot send to (josé@acme.io) is refused at intake with 422 and the reason, and nothing is stored', async () => {
    const response = await pipeline.postForm({
      email: 'josé@acme.io',
      formType: 'demo',
      answers: bant,
      consent,
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toMatch(/before the @/);
    expect(await pipeline.profile('josé@acme.io')).toBeUndefined();
  });

  it('a demo request answering "no budget", "not me", "none", "never" goes to a person with its reasons, never straight to sales', async () => {
    const email = 'nadia@nimbus-freight.fr';
    await atTime('2026-07-02T09:00:00Z', () =>
      post({
        email,
        formType: 'demo',
        firstName: 'Nadia',
        company: 'Nimbus',
        jobTitle: 'Director of Operations',
        companySize: '250',
        country: 'France',
        answers: { budget: 'no budget', authority: 'not me', need: 'none', timeline: 'jamais' },
        consent,
      }),
    );
    const stored = await pipeline.profile(email);
    expect(stored?.stage).toBe('review');
    expect(stored?.score).toMatchObject({ completeFrameworks: [], negativeFrameworks: ['BANT'] });
    expect(rules(stored)).toEqual(
      expect.arrayContaining(['qualification.budget.negative', 'qualification.timeline.negative']),
    );
    expect(await eventsAbout(email, 'Prospect Qualified')).toEqual([]);
    const [requested] = await eventsAbout(email, 'Lead Review Requested');
    expect(requested?.detail.reason).toBe(
      'asked to talk to the team; answered no to budget, authority, timeline',
    );
  });

  it('a picklist answer the form maps as disqualifying is read so, stored with the answer, and dropped when a free-text answer replaces it', async () => {
    const email = 'ines@orbit-saas.io';
    const form = {
      email,
      formType: 'demo',
      firstName: 'Ines',
      company: 'Orbit',
      jobTitle: 'Director of Operations',
      companySize: '250',
      country: 'Germany',
      consent,
    };
    await atTime('2026-07-03T09:00:00Z', () =>
      post({
        ...form,
        answers: { ...bant, budget: 'Under 5k' },
        answerReadings: { budget: 'disqualifying' },
      }),
    );
    const negative = await pipeline.profile(email);
    expect(negative?.stage).toBe('review');
    expect(rules(negative)).toContain('qualification.budget.negative');

    await atTime('2026-07-03T10:00:00Z', () =>
      post({ ...form, formType: 'quote', answers: { budget: '40k approved' } }),
    );
    const requalified = await pipeline.profile(email);
    expect(requalified?.score.negativeAnswers).toEqual([]);
    expect(requalified?.stage).toBe('prospect');
  });

  it('won: the prospect signs, a person marks it a customer, and new activity no longer moves or mails it', async () => {
    const email = 'omar@orbit-saas.io';
    const contactId = contactIdFor(email);
    await atTime('2026-07-20T09:00:00Z', async () => {
      const decided = await pipeline.admin('POST', `/admin/reviews/${contactId}`, {
        decision: 'won',
        reason: 'signed the annual plan',
        reviewer: 'dana@seller.example',
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      expect(decided.body).toMatchObject({ decision: 'won', stage: 'customer' });
    });
    expect((await eventsAbout(email, 'Contact Scored')).at(-1)?.detail).toMatchObject({
      stage: 'customer',
      previousStage: 'prospect',
      stageReason: 'won by dana@seller.example: signed the annual plan',
    });
    const view = await pipeline.admin('GET', `/admin/contacts?email=${encodeURIComponent(email)}`);
    expect(view.body.transitions.at(-1)).toMatchObject({
      from: 'prospect',
      to: 'customer',
      by: 'person:dana@seller.example',
    });
    const july = await pipeline.admin('GET', '/admin/funnel?from=2026-07-01&to=2026-07-31&interval=week');
    expect(july.body.totals).toMatchObject({ customers: 1 });

    await atTime('2026-08-03T09:00:00Z', () => post({ email, formType: 'newsletter', consent }));
    expect((await pipeline.profile(email))?.stage).toBe('customer');
    expect(await pipeline.emailsTo(email)).toEqual([]);
    expect(await eventsAbout(email, 'Prospect Qualified')).toHaveLength(1);
    // Only one hand-off: marking a customer is not a second qualification.
    const again = await pipeline.admin('POST', `/admin/reviews/${contactId}`, { decision: 'won' });
    expect(again.status).toBe(409);
  });

  it('won in the CRM: a "Deal Won" on the bus makes the prospect a customer, once', async () => {
    const email = 'lena@lumen-robotics.de';
    await atTime('2026-07-10T09:00:00Z', () =>
      post({
        email,
        formType: 'detailed',
        firstName: 'Lena',
        company: 'Lumen Robotics',
        jobTitle: 'Head of Marketing',
        companySize: '120',
        industry: 'Software',
        country: 'Germany',
        answers: bant,
        consent,
      }),
    );
    expect((await pipeline.profile(email))?.stage).toBe('prospect');
    const deal = {
      version: 1,
      crm: 'salesforce',
      dealId: '006Dn000004XYZ',
      wonAt: '2026-07-21T15:00:00Z',
      contact: { email },
    };
    await atTime('2026-07-21T15:05:00Z', () =>
      pipeline.putEvent(ENGAGEMENT_SOURCE, dealWon.detailType, deal),
    );
    await atTime('2026-07-22T09:00:00Z', () =>
      pipeline.putEvent(ENGAGEMENT_SOURCE, dealWon.detailType, deal),
    );
    expect((await pipeline.profile(email))?.stage).toBe('customer');
    const toCustomer = (await eventsAbout(email, 'Contact Scored')).filter(
      (event) => event.detail.stage === 'customer',
    );
    expect(toCustomer).toHaveLength(1);
    expect(toCustomer[0]?.detail.stageReason).toBe(
      'won by salesforce: deal 006Dn000004XYZ won on 2026-07-21T15:00:00Z',
    );
    const letters = (await (
      await fetch(`${pipeline.runtime.urls.gateway}/_local/dead-letters`)
    ).json()) as unknown[];
    expect(letters).toEqual([]);
  });

  it('a cold lead decays: the scheduled job re-scores it weeks later, from the due index', async () => {
    const email = 'carl@cold-storage.se';
    await atTime('2026-08-03T09:00:00Z', async () => {
      await post({ email, formType: 'whitepaper', firstName: 'Carl', company: 'Cold Storage AB', consent });
      await post({ email, formType: 'webinar', consent });
    });
    const fresh = await pipeline.profile(email);
    expect(fresh).toMatchObject({
      stage: 'lead',
      score: { engagement: 20 },
      rescoreDueAt: '2026-08-10T09:00:00.000Z',
    });

    await atTime('2026-10-02T09:00:00Z', () => pipeline.refreshStaleScores());
    const cold = await pipeline.profile(email);
    expect(cold?.stage).toBe('lead');
    expect(cold?.score).toMatchObject({ engagement: 5, scoredAt: '2026-10-02T09:00:00.000Z' });
    expect(cold?.score.total).toBe(fresh?.score.total - 15);
    expect(cold?.rescoreDueAt).toBe('2026-10-09T09:00:00.000Z');
    const scored = await eventsAbout(email, 'Contact Scored');
    expect(scored.at(-1)?.detail).toMatchObject({
      score: cold?.score.total,
      stage: 'lead',
      previousStage: 'lead',
    });
    expect(scored.at(-1)?.detail.breakdown).toEqual(cold?.score.breakdown);
    expect(
      (await pipeline.contactItems(contactIdFor(email))).filter((item) => item.sk.startsWith('TRANSITION#')),
    ).toEqual([]);
  });

  it('rejected, then re-engaging: back through review by a person each time, each qualification with a new key', async () => {
    const email = 'rita@riverbank-media.co.uk';
    const contactId = contactIdFor(email);
    await atTime('2026-09-01T09:00:00Z', () =>
      post({
        email,
        formType: 'demo',
        firstName: 'Rita',
        company: 'Riverbank',
        jobTitle: 'Head of Growth',
        consent,
      }),
    );
    await atTime('2026-09-01T15:00:00Z', async () => {
      const rejected = await pipeline.admin('POST', `/admin/reviews/${contactId}`, {
        decision: 'reject',
        reason: 'no budget until next year',
        reviewer: 'bob@seller.example',
      });
      expect(rejected.body.stage).toBe('lead');
    });
    const recycled = await pipeline.profile(email);
    expect(recycled).toMatchObject({ stage: 'lead', recycledAt: '2026-09-01T15:00:00.000Z' });
    expect(rules(recycled)).toContain('engagement.sinceRecycle');

    // A small sign of life is not enough to come back…
    await atTime('2026-09-02T09:00:00Z', () => post({ email, formType: 'newsletter' }));
    expect((await pipeline.profile(email))?.stage).toBe('lead');
    // …a new hand-raise with BANT is, through a person: a recycled contact never qualifies on its own.
    await atTime('2026-09-20T09:00:00Z', () => post({ email, formType: 'quote', answers: bant }));
    const back = await pipeline.profile(email);
    expect(back?.stage).toBe('review');
    expect(
      back?.score.breakdown.find((line: { rule: string }) => line.rule === 'engagement.sinceRecycle')?.reason,
    ).toBe(
      'recycled on 2026-09-01: 1 earlier activity no longer counts; since then: 1 newsletter signup, 1 quote request',
    );
    await atTime('2026-09-20T10:00:00Z', () =>
      pipeline.admin('POST', `/admin/reviews/${contactId}`, {
        decision: 'accept',
        reviewer: 'bob@seller.example',
      }),
    );
    expect((await pipeline.profile(email))?.stage).toBe('prospect');

    // Sales gives up on the opportunity; months later she asks again.
    await atTime('2026-10-15T09:00:00Z', () =>
      pipeline.admin('POST', `/admin/reviews/${contactId}`, {
        decision: 'reject',
        reason: 'project postponed',
        reviewer: 'bob',
      }),
    );
    expect((await pipeline.profile(email))?.stage).toBe('lead');
    await atTime('2027-01-11T09:00:00Z', () => post({ email, formType: 'demo' }));
    expect((await pipeline.profile(email))?.stage).toBe('review');
    await atTime('2027-01-11T10:00:00Z', () =>
      pipeline.admin('POST', `/admin/reviews/${contactId}`, {
        decision: 'accept',
        reviewer: 'bob@seller.example',
      }),
    );

    const qualified = await eventsAbout(email, 'Prospect Qualified');
    expect(qualified.map((event) => event.detail.qualifiedAt)).toEqual([
      '2026-09-20T10:00:00.000Z',
      '2027-01-11T10:00:00.000Z',
    ]);
    expect(new Set(qualified.map((event) => event.detail.qualificationId)).size).toBe(2);
    const view = await pipeline.admin('GET', `/admin/contacts?email=${encodeURIComponent(email)}`);
    expect(
      view.body.transitions.map(
        (move: { from: string; to: string; reason: string }) => `${move.from}→${move.to}`,
      ),
    ).toEqual([
      'lead→review',
      'review→lead',
      'lead→review',
      'review→prospect',
      'prospect→lead',
      'lead→review',
      'review→prospect',
    ]);
    expect(view.body.transitions[1].reason).toBe('rejected by bob@seller.example: no budget until next year');
    // Nurture resumed after the first rejection: her welcome email went out as a lead.
    expect((await pipeline.emailsTo(email)).length).toBeGreaterThan(0);
  });

  it('disqualified: by a person after review, or automatically for a competitor, and never handed off', async () => {
    const student = 'tom@etu.univ-lille.fr';
    await atTime('2026-11-02T09:00:00Z', () =>
      post({ email: student, formType: 'demo', firstName: 'Tom', jobTitle: 'Student', consent }),
    );
    expect(rules(await pipeline.profile(student))).toEqual(
      expect.arrayContaining(['fit.emailDomain.school or university', 'fit.jobTitle.student']),
    );
    await atTime('2026-11-02T10:00:00Z', () =>
      pipeline.admin('POST', `/admin/reviews/${contactIdFor(student)}`, {
        decision: 'disqualify',
        reason: 'student project',
        reviewer: 'carol@seller.example',
      }),
    );
    await atTime('2026-11-05T09:00:00Z', () => post({ email: student, formType: 'demo', answers: bant }));
    expect((await pipeline.profile(student))?.stage).toBe('disqualified');

    const competitor = 'analyst@hubspot.com';
    await atTime('2026-11-06T09:00:00Z', () =>
      post({ email: competitor, formType: 'demo', answers: bant, consent }),
    );
    const spy = await pipeline.profile(competitor);
    expect(spy?.stage).toBe('disqualified');
    expect(rules(spy)).toContain('fit.competitor');

    for (const email of [student, competitor]) {
      expect(await eventsAbout(email, 'Prospect Qualified')).toEqual([]);
      expect(await pipeline.emailsTo(email)).toEqual([]);
    }
    expect(await eventsAbout(competitor, 'Lead Review Requested')).toEqual([]);
    expect(await notificationsAbout(competitor)).toEqual({ sales: [], marketing: [] });
  });
});

describe('npm run model, on the contacts the scenarios left', () => {
  function model(...argv: string[]) {
    return runCaptured(runModelCommand, [...argv, '--endpoint', pipeline.runtime.urls.dynamodb]);
  }

  it('explains a contact: stage and why, every score line, the hand-off and the transitions', async () => {
    const { code, out } = await model('explain', 'Dana@Delta-Freight.com');
    expect(code).toBe(0);
    expect(out).toContain(`dana@delta-freight.com (Dana) · ${contactIdFor('dana@delta-freight.com')}`);
    expect(out).toContain(
      'Stage      prospect since 2026-06-01T11:30:00.000Z (person:alice@seller.example: accepted by alice@seller.example',
    );
    expect(out).toMatch(
      /\n\s+\+28\.6 {2}engagement\.demo_request\s+1 × demo request, decayed \(half-life 30 days\)\n/,
    );
    // Scored last on 3 June; months later the published model would give less, and says so.
    expect(out).toMatch(
      new RegExp(
        `\\nIf re-scored now with ${defaultScoringModel.version}: [\\d.]+ = fit 38 \\+ engagement [\\d.]+ \\+ qualification 10`,
      ),
    );
    expect(out).toMatch(
      /Qualified {2}2026-06-01T11:30:00.000Z by alice@seller.example, hand-off q_[0-9a-f-]+\n/,
    );
    expect(out).toContain('2026-06-01T09:00:00.000Z  lead → review  scorer: asked to talk to the team');

    const negative = await model('explain', 'nadia@nimbus-freight.fr');
    expect(negative.out).toMatch(
      /-10 {2}qualification\.budget\.negative\s+budget: a free-text answer read as negative; never qualifies automatically\n/,
    );

    const json = await model('explain', 'dana@delta-freight.com', '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      contact: { stage: 'prospect' },
      transitions: expect.any(Array),
    });
    expect(await model('explain', 'nobody@delta-freight.com')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^No contact/),
    });
  });

  it('simulates a candidate model over every stored contact and names who would change stage', async () => {
    const candidate = structuredClone(defaultScoringModel);
    candidate.version = 'candidate-review-everyone';
    candidate.policy.review = { ...candidate.policy.review, minScore: 0, minEngagement: 0 };
    const file = join(await mkdtemp(join(tmpdir(), 'leadflow-model-')), 'candidate.json');
    await writeFile(file, JSON.stringify(candidate));

    const { code, out } = await model('simulate', '--model', file, '--at', '2026-11-06T12:00:00Z', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    // The two leads left by the scenarios (the newsletter reader and the cold lead) would go to review.
    expect(report).toMatchObject({
      candidateVersion: 'candidate-review-everyone',
      contacts: 14,
      changed: 2,
      transitions: { 'lead → review': 2 },
      gradeChanges: 0,
      meanScoreChange: 0,
    });
    expect(report.examples.map((example: { email: string }) => example.email).sort()).toEqual([
      'carl@cold-storage.se',
      'nora@nordwind-logistics.de',
    ]);
    const lenient = structuredClone(defaultScoringModel);
    lenient.version = 'candidate-negative-answers-qualify';
    lenient.policy.autoQualify.blockOnNegative = [];
    lenient.qualification.negativePoints = {};
    lenient.policy.autoQualify.requireCompleteFramework = [];
    lenient.policy.autoQualify.minScore = 50;
    lenient.policy.review.minScore = 50;
    const lenientFile = join(await mkdtemp(join(tmpdir(), 'leadflow-model-')), 'lenient.json');
    await writeFile(lenientFile, JSON.stringify(lenient));
    const lenientReport = JSON.parse(
      (await model('simulate', '--model', lenientFile, '--at', '2026-07-02T12:00:00Z', '--json')).out,
    );
    // A model that let negative answers through would hand the contact that answered "no budget" to sales.
    expect(lenientReport.examples).toContainEqual(
      expect.objectContaining({ email: 'nadia@nimbus-freight.fr', from: 'review', to: 'prospect' }),
    );
    const text = await model('simulate', '--model', file, '--at', '2026-11-06T12:00:00Z');
    expect(text.out).toContain('2 contacts would change stage at their next re-score.');
    expect(text.out).toContain('      2  lead → review');
  });
});
