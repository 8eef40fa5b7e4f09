import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FormType } from '#events/vocabulary/activity-type.ts';
import { createAdminInsightsHandler } from '#functions/admin-insights/admin-insights.ts';
import { fixedConfig } from '#shared/config/config-reader.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { adminEvent, TEST_ADMIN_TOKEN } from '../../support/admin-request.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryAdminViews } from '../../support/in-memory-admin-views.ts';
import { InMemoryContactDirectory } from '../../support/in-memory-contact-directory.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { InMemoryFunnelStore } from '../../support/in-memory-funnel-store.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { lambdaContext } from '../../support/signed-request.ts';

let contacts: InMemoryContactRepository;
let directory: InMemoryContactDirectory;
let funnel: InMemoryFunnelStore;

const deps = () => ({
  funnel,
  directory,
  histories: new InMemoryAdminViews(contacts),
  model: fixedConfig(defaultScoringModel),
  clock: () => NOW,
  readSecret: async () => TEST_ADMIN_TOKEN,
  routing: defaultRoutingConfig,
});

async function call(event: APIGatewayProxyEventV2) {
  const result = (await createAdminInsightsHandler(deps())(
    event,
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) };
}

async function aScoredContact(email: string, formType: FormType, company = 'Acme') {
  const scoring = {
    contacts,
    events: new RecordingPublisher(),
    clock: () => NOW,
    model: defaultScoringModel,
  };
  const { contactId } = await recordFormSubmission(
    {
      source: 'generic',
      deliveryId: `${email}-${formType}`,
      email,
      submission: { email, formType, company, firstName: 'Jane' },
    },
    scoring,
  );
  await rescoreContact(contactId, scoring);
  return contactId;
}

beforeEach(() => {
  contacts = new InMemoryContactRepository();
  directory = new InMemoryContactDirectory(contacts);
  funnel = new InMemoryFunnelStore();
});

describe('admin insights authentication', () => {
  it.each(['GET /admin/funnel', 'GET /admin/contacts/search', 'GET /admin/model'])(
    'answers 401 to %s without the admin token',
    async (routeKey) => {
      const response = await call(adminEvent(routeKey, { headers: { authorization: 'Bearer wrong' } }));
      expect(response.status).toBe(401);
      expect(response.body.type).toBe('urn:leadflow:problem:unauthorized');
    },
  );
});

describe('GET /admin/funnel', () => {
  it('reports the last 90 days by day by default, ending today (UTC)', async () => {
    await funnel.count({ contactId: 'c_1', key: 'lead', at: NOW.toISOString(), counters: ['leads'] });
    const response = await call(adminEvent('GET /admin/funnel'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      to: '2026-03-02',
      from: '2025-12-03',
      interval: 'day',
      timeZone: 'UTC',
    });
    expect(response.body.periods).toHaveLength(90);
    expect(response.body.totals.leads).toBe(1);
    expect(response.body.periods.at(-1).counts.leads).toBe(1);
  });

  it.each([
    [{ from: '2026-03-05', to: '2026-03-01' }, 'from'],
    [{ from: '2024-01-01', to: '2026-03-01' }, 'to'],
    [{ from: '1 March' }, 'from'],
    [{ interval: 'year' }, 'interval'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const response = await call(adminEvent('GET /admin/funnel', { query }));
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:leadflow:problem:invalid-query');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('GET /admin/contacts/search', () => {
  it('lists every stage by last update by default, with the row fields the console shows', async () => {
    const lead = await aScoredContact('reader@acme-industries.com', 'newsletter');
    const review = await aScoredContact('buyer@acme-industries.com', 'demo');
    const response = await call(adminEvent('GET /admin/contacts/search'));
    expect(response.status).toBe(200);
    expect(response.body.contacts.map((c: { contactId: string }) => c.contactId).sort()).toEqual(
      [lead, review].sort(),
    );
    expect(response.body.contacts[0]).toMatchObject({
      email: expect.any(String),
      stage: expect.any(String),
      score: expect.any(Number),
      grade: expect.stringMatching(/^[A-D]$/),
    });
    expect(directory.queries[0]).toMatchObject({
      stages: ['lead', 'review', 'prospect', 'customer', 'disqualified'],
      sort: 'updated',
      order: 'desc',
      limit: 25,
    });
  });

  it('passes the stage, score range, sort and folded search text to the directory', async () => {
    await aScoredContact('jane@equipe-ventes.fr', 'demo', 'Équipe Ventes');
    const response = await call(
      adminEvent('GET /admin/contacts/search', {
        query: {
          q: '  ÉQUIPE ',
          stage: 'review',
          minScore: '10',
          maxScore: '90',
          sort: 'score',
          order: 'asc',
          limit: '5',
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(directory.queries.at(-1)).toMatchObject({
      stages: ['review'],
      text: 'equipe',
      minScore: 10,
      maxScore: 90,
      sort: 'score',
      order: 'asc',
      limit: 5,
    });
    expect(response.body.contacts).toHaveLength(1);
  });

  it('finds an exact address with one lookup, and only when it matches the filters', async () => {
    const contactId = await aScoredContact('buyer@acme-industries.com', 'demo');
    const found = await call(
      adminEvent('GET /admin/contacts/search', { query: { q: 'Buyer@ACME-industries.com' } }),
    );
    expect(found.body.contacts.map((c: { contactId: string }) => c.contactId)).toEqual([contactId]);
    const filtered = await call(
      adminEvent('GET /admin/contacts/search', {
        query: { q: 'buyer@acme-industries.com', stage: 'prospect' },
      }),
    );
    expect(filtered.body.contacts).toEqual([]);
    expect(directory.queries).toEqual([]);
  });

  it.each([
    [{ stage: 'hot' }, 'stage'],
    [{ minScore: '50', maxScore: '10' }, 'minScore'],
    [{ sort: 'name' }, 'sort'],
    [{ limit: '0' }, 'limit'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const response = await call(adminEvent('GET /admin/contacts/search', { query }));
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('answers 400 invalid-cursor to a cursor it did not hand out', async () => {
    const response = await call(adminEvent('GET /admin/contacts/search', { query: { cursor: 'nope' } }));
    expect(response.body).toMatchObject({ status: 400, type: 'urn:leadflow:problem:invalid-cursor' });
  });
});

describe('GET /admin/contacts/{contactId}', () => {
  it('gives the whole contact: score breakdown, activities, transitions, emails, consent', async () => {
    const contactId = await aScoredContact('buyer@acme-industries.com', 'demo');
    const response = await call(
      adminEvent('GET /admin/contacts/{contactId}', { pathParameters: { contactId } }),
    );
    expect(response.status).toBe(200);
    expect(response.body.contact).toMatchObject({
      contactId,
      email: 'buyer@acme-industries.com',
      stage: 'review',
    });
    expect(response.body.score.breakdown.length).toBeGreaterThan(0);
    expect(response.body.activities).toHaveLength(1);
    expect(response.body).toHaveProperty('transitions');
    expect(response.body).toHaveProperty('emails');
  });

  it.each(['c_0123456789abcdef0123456789abcdef', 'not-an-id'])('answers 404 for %s', async (contactId) => {
    const response = await call(
      adminEvent('GET /admin/contacts/{contactId}', { pathParameters: { contactId } }),
    );
    expect(response.status).toBe(404);
    expect(response.body.type).toBe('urn:leadflow:problem:contact-not-found');
  });
});

describe('the model', () => {
  it('GET /admin/model gives the published model and its version', async () => {
    const response = await call(adminEvent('GET /admin/model'));
    expect(response.body.version).toBe(defaultScoringModel.version);
    expect(response.body.model.policy).toEqual(defaultScoringModel.policy);
  });
});
