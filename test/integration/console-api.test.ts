import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbFunnelStore } from '#shared/adapters/dynamodb/dynamodb-funnel-store.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/**
 * The console's API on the local runtime, against DynamoDB Local and its indexes: the funnel counted
 * by the recorder from the real events, the contact list merged across stages, a contact by id, and
 * a simulation over HTTP (a bulk job over every contact).
 */
const consent = { granted: true, purpose: 'product news' };
const bant = { budget: '40k', authority: 'I sign', need: 'scoring', timeline: 'Q3' };
const DAY = '2026-03-02';

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await LocalPipeline.start();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${DAY}T09:00:00.000Z`));
  const forms = [
    {
      email: 'ada@lovelace-analytics.com',
      formType: 'demo',
      company: 'Lovelace Analytics',
      firstName: 'Ada',
      jobTitle: 'VP Sales',
      answers: bant,
    },
    {
      email: 'bob@builder-works.com',
      formType: 'demo',
      company: 'Builder Works',
      firstName: 'Bob',
      jobTitle: 'Head of Marketing',
    },
    { email: 'cleo@cleo-partners.com', formType: 'quote', company: 'Cléo Partners', firstName: 'Cléo' },
    { email: 'grace@hopper-systems.io', formType: 'newsletter', firstName: 'Grace' },
    { email: 'alan@turing-labs.com', formType: 'whitepaper', company: 'Turing Labs', firstName: 'Alan' },
    { email: 'spy@hubspot.com', formType: 'newsletter', firstName: 'Spy' },
    { email: 'kim@gmail.com', formType: 'newsletter' },
  ];
  for (const [index, form] of forms.entries()) {
    vi.setSystemTime(new Date(Date.parse(`${DAY}T09:00:00.000Z`) + index * 60_000));
    const response = await pipeline.postForm({ ...form, consent });
    expect(response.status).toBe(202);
    await pipeline.settled();
  }
});

afterAll(async () => {
  vi.useRealTimers();
  await pipeline?.stop();
});

const funnel = async () =>
  (await pipeline.admin('GET', `/admin/funnel?from=2026-02-01&to=2026-03-31&interval=week`)).body;

type Row = { contactId: string; email: string; stage: string; score?: number; updatedAt: string };

/** Every page of a search, following the cursors. */
async function allPages(query: string): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await pipeline.admin('GET', `/admin/contacts/search?${query}${suffix}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    rows.push(...response.body.contacts);
    cursor = response.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { rows, pages };
}

describe('the funnel', () => {
  it('counts new leads, reviews, qualifications and disqualifications from the events', async () => {
    const report = await funnel();
    expect(report.totals).toMatchObject({
      leads: 7,
      reviews: 2,
      prospects: 1,
      prospectsAccepted: 0,
      disqualified: 1,
    });
    const week = report.periods.find((period: { start: string }) => period.start === DAY);
    expect(week.counts.leads).toBe(7);
    expect(report.conversion.leadToReview).toBeCloseTo(2 / 7, 4);
  });

  it('counts nothing twice when a submission is delivered again', async () => {
    const response = await pipeline.postForm(
      { email: 'grace@hopper-systems.io', formType: 'newsletter', consent },
      { id: 'msg_again' },
    );
    expect(response.status).toBe(202);
    await pipeline.postForm(
      { email: 'grace@hopper-systems.io', formType: 'newsletter', consent },
      { id: 'msg_again' },
    );
    await pipeline.settled();
    expect((await funnel()).totals.leads).toBe(7);
  });

  it('moves when a person accepts a review, with the acceptance rate and the time to qualify', async () => {
    vi.setSystemTime(new Date(`${DAY}T15:00:00.000Z`));
    const bob = contactIdFor('bob@builder-works.com');
    const decided = await pipeline.admin('POST', `/admin/reviews/${bob}`, {
      decision: 'accept',
      reviewer: 'alice',
    });
    expect(decided.body.stage).toBe('prospect');
    const cleo = contactIdFor('cleo@cleo-partners.com');
    await pipeline.admin('POST', `/admin/reviews/${cleo}`, {
      decision: 'reject',
      reason: 'student project',
      reviewer: 'alice',
    });
    await pipeline.settled();
    const report = await funnel();
    expect(report.totals).toMatchObject({
      prospects: 2,
      prospectsAccepted: 1,
      recycled: 1,
      reviewsRejected: 1,
    });
    expect(report.conversion.reviewAcceptance).toBe(0.5);
    expect(report.timeToQualify.qualified).toBe(2);
    expect(report.timeToQualify.medianHours).toBeGreaterThan(0);
  });
});

describe('the contact list', () => {
  it('lists every contact once across stages, page after page, most recently updated first', async () => {
    const { rows, pages } = await allPages('limit=2');
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((row) => row.contactId)).size).toBe(7);
    expect(rows).toHaveLength(7);
    const updates = rows.map((row) => row.updatedAt);
    expect(updates).toEqual([...updates].sort().reverse());
    expect(new Set(rows.map((row) => row.stage))).toEqual(new Set(['lead', 'prospect', 'disqualified']));
  });

  it('sorts by score across stages, ascending or descending, within a score range', async () => {
    const { rows } = await allPages('sort=score&order=asc&limit=3');
    const scores = rows.map((row) => row.score ?? Number.NaN);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(rows).toHaveLength(7);
    const ranged = await allPages('sort=score&minScore=20&maxScore=200&limit=2');
    expect(ranged.rows.every((row) => (row.score ?? 0) >= 20)).toBe(true);
    expect(ranged.rows.length).toBeGreaterThan(0);
    expect(ranged.rows.length).toBeLessThan(7);
  });

  it('filters by stage and finds text without case or accents', async () => {
    const prospects = await allPages('stage=prospect');
    expect(prospects.rows.map((row) => row.email).sort()).toEqual([
      'ada@lovelace-analytics.com',
      'bob@builder-works.com',
    ]);
    const cleo = await allPages(`q=${encodeURIComponent('CLEO partners')}`);
    expect(cleo.rows.map((row) => row.email)).toEqual(['cleo@cleo-partners.com']);
    const byTitle = await allPages('q=marketing&limit=1');
    expect(byTitle.rows.map((row) => row.email)).toEqual(['bob@builder-works.com']);
  });

  it('refuses a cursor made for another search, or tampered with', async () => {
    const first = await pipeline.admin('GET', '/admin/contacts/search?limit=2');
    const cursor = encodeURIComponent(first.body.nextCursor);
    const elsewhere = await pipeline.admin(
      'GET',
      `/admin/contacts/search?limit=2&stage=lead&cursor=${cursor}`,
    );
    expect(elsewhere.body).toMatchObject({ status: 400, type: 'urn:leadflow:problem:invalid-cursor' });
    const tampered = Buffer.from(JSON.stringify({ f: 'x', p: {} })).toString('base64url');
    expect((await pipeline.admin('GET', `/admin/contacts/search?cursor=${tampered}`)).status).toBe(400);
    const same = await pipeline.admin('GET', `/admin/contacts/search?limit=2&cursor=${cursor}`);
    expect(same.status).toBe(200);
  });

  it('opens one contact by id with its whole history', async () => {
    const contactId = contactIdFor('bob@builder-works.com');
    const response = await pipeline.admin('GET', `/admin/contacts/${contactId}`);
    expect(response.status).toBe(200);
    expect(response.body.contact.stage).toBe('prospect');
    expect(response.body.transitions.map((t: { to: string }) => t.to)).toEqual(['review', 'prospect']);
    expect(response.body.transitions[1].by).toBe('person:alice');
  });
});

describe('the model over HTTP', () => {
  it('gives the published model and simulates a candidate over every contact, as a bulk job', async () => {
    const current = await pipeline.admin('GET', '/admin/model');
    expect(current.body.version).toBe(defaultScoringModel.version);
    const candidate = {
      ...current.body.model,
      version: 'stricter',
      fit: { ...current.body.model.fit, freeMail: -40 },
    };
    const started = await pipeline.admin('POST', '/admin/model/simulate', { model: candidate });
    expect(started.status).toBe(202);
    await pipeline.settled();
    const simulated = await pipeline.admin('GET', `/admin/jobs/${started.body.jobId}`);
    expect(simulated.body.status).toBe('done');
    expect(simulated.body.result.contacts).toBeGreaterThan(0);
    expect(simulated.body.result.contacts).toBe(simulated.body.done);
    expect(simulated.body.result.candidateVersion).toBe('stricter');
  });
});

describe('the funnel store on DynamoDB Local', () => {
  const store = () =>
    new DynamoDbFunnelStore(
      DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: pipeline.runtime.urls.dynamodb,
          region: 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
      ),
      pipeline.runtime.tableName,
    );

  it('counts one fact once even when it arrives many times at once, and every fact of a busy day', async () => {
    const funnel = store();
    const entry = {
      contactId: 'c_same',
      key: 'review#r_same',
      at: '2025-06-01T10:00:00.000Z',
      counters: ['reviews'] as const,
    };
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => funnel.count(entry)));
    expect(outcomes.filter((outcome) => outcome === 'counted')).toHaveLength(1);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        funnel.count({
          contactId: `c_${index}`,
          key: 'lead',
          at: '2025-06-01T11:00:00.000Z',
          counters: ['leads'],
          hoursToQualify: index,
        }),
      ),
    );
    const [day] = await funnel.days('2025-06-01', '2025-06-01');
    expect(day?.counts).toMatchObject({ reviews: 1, leads: 40 });
    expect(Object.values(day?.hoursToQualify ?? {}).reduce((sum, count) => sum + count, 0)).toBe(40);
    expect(await funnel.counted('c_same', 'review#r_same')).toBe(true);
    expect(await funnel.counted('c_other', 'review#r_same')).toBe(false);
  });
});
