import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FormType } from '#events/vocabulary/activity-type.ts';
import { createAdminApiHandler } from '#functions/admin-api/admin-api.ts';
import { fixedConfig } from '#shared/config/config-reader.ts';
import type { QualificationAnswers } from '#shared/contact/contact.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { DEFAULT_SENDING_POLICY } from '#shared/sending/sending-policy.ts';
import { adminEvent, TEST_ADMIN_TOKEN } from '../../support/admin-request.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryAdminViews } from '../../support/in-memory-admin-views.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { InMemoryFollowUpStore } from '../../support/in-memory-follow-up-store.ts';
import { InMemoryImportStore } from '../../support/in-memory-import-store.ts';
import {
  FixedAccountQuota,
  InMemoryBreakerStore,
  InMemorySendingLedger,
} from '../../support/in-memory-sending.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { lambdaContext } from '../../support/signed-request.ts';

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
let token: string | undefined;
let now: Date;
let sending = sendingFakes();

/** The breaker, the ledger and an account quota in memory, as the sending routes read them. */
function sendingFakes() {
  return {
    breaker: new InMemoryBreakerStore(),
    ledger: new InMemorySendingLedger(),
    account: new FixedAccountQuota({ max24HourSend: 1000, maxSendRate: 5, sentLast24Hours: 120 }),
    policy: DEFAULT_SENDING_POLICY,
    clock: () => now,
  };
}

const deps = () => ({
  contacts,
  events,
  clock: () => now,
  model: fixedConfig(defaultScoringModel),
  reviews: new InMemoryAdminViews(contacts),
  histories: new InMemoryAdminViews(contacts),
  // The privacy routes are proven against DynamoDB Local (test/integration/privacy.test.ts).
  data: { exportData: async () => undefined, erase: async () => ({ outcome: 'not-found' as const }) },
  // The import routes are proven against DynamoDB Local (test/integration/import.test.ts).
  imports: new InMemoryImportStore(),
  readSecret: async (name: string) => {
    if (!token) throw new SecretNotConfiguredError(`${name} not configured`);
    return token;
  },
  routing: defaultRoutingConfig,
  followUps: new InMemoryFollowUpStore(),
  sending,
});

async function call(event: APIGatewayProxyEventV2) {
  const result = (await createAdminApiHandler(deps())(
    event,
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) };
}

/** A contact that went through intake and scoring, at `at`. */
async function aScoredContact(
  email: string,
  formType: FormType,
  answers: QualificationAnswers = {},
  at = NOW,
) {
  now = at;
  const { contactId } = await recordFormSubmission(
    {
      source: 'generic',
      deliveryId: `${email}-${formType}-${at.toISOString()}`,
      email,
      submission: { email, formType, answers, company: 'Acme', firstName: 'Jane' },
    },
    deps(),
  );
  await rescoreContact(contactId, { ...deps(), model: defaultScoringModel });
  now = NOW;
  return contactId;
}

const decide = (contactId: string, body: unknown, extra: Parameters<typeof adminEvent>[1] = {}) =>
  call(adminEvent('POST /admin/reviews/{contactId}', { pathParameters: { contactId }, body, ...extra }));

describe('admin API authentication', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    token = TEST_ADMIN_TOKEN;
    now = NOW;
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['a token that only starts right', { authorization: `Bearer ${TEST_ADMIN_TOKEN}x` }],
    [
      'another scheme',
      { authorization: `Basic ${Buffer.from(`admin:${TEST_ADMIN_TOKEN}`).toString('base64')}` },
    ],
  ])('answers 401 problem+json with a Bearer challenge for %s', async (_name, headers) => {
    const event = adminEvent('GET /admin/reviews');
    delete event.headers.authorization;
    const response = await call({ ...event, headers: { ...event.headers, ...headers } });
    expect(response.status).toBe(401);
    expect(response.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'www-authenticate': 'Bearer realm="leadflow-admin"',
    });
    expect(response.body).toMatchObject({ type: 'urn:leadflow:problem:unauthorized', status: 401 });
  });

  it('refuses everyone when no admin token is configured', async () => {
    token = undefined;
    const response = await call(adminEvent('GET /admin/reviews'));
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/No admin token is configured/);
  });

  it('checks the token before reading or writing anything', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const response = await decide(
      contactId,
      { decision: 'accept' },
      { headers: { authorization: 'Bearer nope' } },
    );
    expect(response.status).toBe(401);
    expect(contacts.contacts.get(contactId)?.stage).toBe('review');
  });
});

describe('GET /admin/reviews', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    token = TEST_ADMIN_TOKEN;
    now = NOW;
  });

  it('lists the leads waiting for review, the longest waiting first, with their explained scores', async () => {
    const later = await aScoredContact(
      'late@acme-industries.com',
      'demo',
      {},
      new Date(NOW.getTime() + 1000),
    );
    const earlier = await aScoredContact('early@acme-industries.com', 'quote');
    await aScoredContact('reader@acme-industries.com', 'newsletter');
    const response = await call(adminEvent('GET /admin/reviews'));
    expect(response.status).toBe(200);
    expect(response.body.reviews.map((entry: { contactId: string }) => entry.contactId)).toEqual([
      earlier,
      later,
    ]);
    expect(response.body.reviews[0]).toMatchObject({
      email: 'early@acme-industries.com',
      firstName: 'Jane',
      company: 'Acme',
      requestedAt: NOW.toISOString(),
      reason: 'asked to talk to the team; qualification not complete',
      score: {
        breakdown: expect.arrayContaining([expect.objectContaining({ rule: 'engagement.quote_request' })]),
      },
    });
    expect(response.body.nextCursor).toBeUndefined();
  });

  it('pages with limit and cursor, and refuses bad ones', async () => {
    await aScoredContact('a@acme-industries.com', 'demo');
    await aScoredContact('b@acme-industries.com', 'demo', {}, new Date(NOW.getTime() + 1));
    const first = await call(adminEvent('GET /admin/reviews', { query: { limit: '1' } }));
    expect(first.body.reviews).toHaveLength(1);
    const second = await call(
      adminEvent('GET /admin/reviews', { query: { limit: '1', cursor: first.body.nextCursor } }),
    );
    expect(second.body.reviews[0].email).toBe('b@acme-industries.com');
    const badLimit = await call(adminEvent('GET /admin/reviews', { query: { limit: '1000' } }));
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
    const badCursor = await call(adminEvent('GET /admin/reviews', { query: { cursor: 'x' } }));
    expect(badCursor.body).toMatchObject({ status: 400, type: 'urn:leadflow:problem:invalid-cursor' });
  });
});

describe('POST /admin/reviews/{contactId}', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    token = TEST_ADMIN_TOKEN;
    now = NOW;
  });

  it('accepts a lead: prospect, one Prospect Qualified naming the reviewer, and the transition recorded', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    now = new Date(NOW.getTime() + 3_600_000);
    const response = await decide(contactId, {
      decision: 'accept',
      reason: 'called her, real project',
      reviewer: 'alice@seller.example',
      answers: { budget: '30k', timeline: 'Q4' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      contactId,
      decision: 'accept',
      stage: 'prospect',
      qualificationId: expect.stringMatching(/^q_/),
    });
    const qualified = events.ofType('Prospect Qualified');
    expect(qualified).toEqual([
      expect.objectContaining({
        qualificationId: response.body.qualificationId,
        qualifiedBy: { kind: 'person', id: 'alice@seller.example' },
        reason: 'accepted by alice@seller.example: called her, real project',
        answers: expect.objectContaining({ budget: '30k', timeline: 'Q4' }),
      }),
    ]);
    expect(contacts.transitions.at(-1)).toEqual({
      from: 'review',
      to: 'prospect',
      at: now.toISOString(),
      by: 'person:alice@seller.example',
      reason: 'accepted by alice@seller.example: called her, real project',
    });
    expect((await call(adminEvent('GET /admin/reviews'))).body.reviews).toEqual([]);
  });

  it('rejects a lead back to nurture with the reason, and says so on the bus', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const response = await decide(contactId, {
      decision: 'reject',
      reason: 'no budget this year',
      reviewer: 'bob',
    });
    expect(response.body).toMatchObject({ stage: 'lead' });
    expect(contacts.contacts.get(contactId)).toMatchObject({ stage: 'lead', recycledAt: NOW.toISOString() });
    expect(contacts.contacts.get(contactId)?.review).toBeUndefined();
    expect(events.ofType('Contact Scored').at(-1)).toMatchObject({
      stage: 'lead',
      previousStage: 'review',
      stageReason: 'rejected by bob: no budget this year',
    });
    expect(events.ofType('Prospect Qualified')).toEqual([]);
  });

  it('disqualifies, and trusts the authorizer over a name in the body', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const response = await decide(
      contactId,
      { decision: 'disqualify', reason: 'student project', reviewer: 'someone-else' },
      { authorizer: { jwt: { claims: { email: 'carol@seller.example' } } } },
    );
    expect(response.body.stage).toBe('disqualified');
    expect(contacts.transitions.at(-1)).toMatchObject({
      to: 'disqualified',
      by: 'person:carol@seller.example',
    });
  });

  it('marks a won deal: the contact becomes a customer, no reason needed, no new hand-off', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const response = await decide(contactId, { decision: 'won', reviewer: 'dana' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ decision: 'won', stage: 'customer' });
    expect(contacts.transitions.at(-1)).toMatchObject({ from: 'review', to: 'customer', by: 'person:dana' });
    expect(events.ofType('Contact Scored').at(-1)).toMatchObject({
      stage: 'customer',
      previousStage: 'review',
    });
    expect(events.ofType('Prospect Qualified')).toEqual([]);
    expect((await decide(contactId, { decision: 'won' })).status).toBe(409);
  });

  it('answers 400 without a reason to reject, or with an unknown decision', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const noReason = await decide(contactId, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([
      { field: 'reason', message: 'a reason is required to reject or disqualify' },
    ]);
    const unknown = await decide(contactId, { decision: 'maybe' });
    expect(unknown.body.errors.map((error: { field: string }) => error.field)).toEqual(['decision']);
    expect(contacts.contacts.get(contactId)?.stage).toBe('review');
  });

  it('answers 409 for a decision the stage does not allow, and 404 for an unknown contact', async () => {
    const lead = await aScoredContact('reader@acme-industries.com', 'newsletter');
    const conflict = await decide(lead, { decision: 'accept' });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      type: 'urn:leadflow:problem:decision-not-allowed',
      stage: 'lead',
      detail: 'The contact is a lead; "accept" applies to a contact in review.',
    });
    expect((await decide(`c_${'0'.repeat(32)}`, { decision: 'accept' })).status).toBe(404);
    expect((await decide('../etc', { decision: 'accept' })).status).toBe(404);
    expect(events.ofType('Prospect Qualified')).toEqual([]);
  });
});

describe('GET /admin/contacts?email=', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    token = TEST_ADMIN_TOKEN;
    now = NOW;
  });

  it('shows the contact with stage, score, breakdown, activities and transitions', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const response = await call(
      adminEvent('GET /admin/contacts', { query: { email: ' Jane@ACME-industries.com ' } }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      contact: { contactId, email: 'jane@acme-industries.com', stage: 'review', firstName: 'Jane' },
      score: { breakdown: expect.any(Array), modelVersion: defaultScoringModel.version },
      activities: [expect.objectContaining({ type: 'demo_request' })],
      transitions: [expect.objectContaining({ from: 'lead', to: 'review', by: 'scorer' })],
    });
  });

  it('answers 400 without a valid address and 404 for an unknown one', async () => {
    expect((await call(adminEvent('GET /admin/contacts'))).body).toMatchObject({
      status: 400,
      type: 'urn:leadflow:problem:invalid-query',
    });
    expect(
      (await call(adminEvent('GET /admin/contacts', { query: { email: 'nobody@acme-industries.com' } })))
        .status,
    ).toBe(404);
  });
});

describe('admin API: reassigning a contact', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    token = TEST_ADMIN_TOKEN;
    now = NOW;
  });

  const reassign = (contactId: string, body: unknown) =>
    call(adminEvent('POST /admin/contacts/{contactId}/owner', { pathParameters: { contactId }, body }));

  it('gives the contact to another person, records it as a transition, and shows the new owner', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    const response = await reassign(contactId, {
      owner: 'lena-schmidt',
      reviewer: 'claire.dubois@seller.example',
      reason: 'speaks German',
    });
    expect(response).toMatchObject({
      status: 200,
      body: { contactId, owner: 'lena-schmidt', changed: true },
    });
    expect(contacts.transitions.at(-1)).toEqual({
      from: 'review',
      to: 'review',
      at: NOW.toISOString(),
      by: 'person:claire.dubois@seller.example',
      reason: 'owner Lena Schmidt: speaks German',
      owner: { to: 'lena-schmidt' },
    });
    const view = await call(
      adminEvent('GET /admin/contacts', { query: { email: 'jane@acme-industries.com' } }),
    );
    expect(view.body.owner).toMatchObject({ personId: 'lena-schmidt', name: 'Lena Schmidt' });
    expect(view.body.people).toContainEqual({ id: 'lena-schmidt', name: 'Lena Schmidt' });

    // Giving it to the same person again changes nothing and records nothing.
    const again = await reassign(contactId, { owner: 'lena-schmidt' });
    expect(again.body.changed).toBe(false);
    expect(contacts.transitions.filter((transition) => transition.owner)).toHaveLength(1);
  });

  it('answers 422 for someone not in the routing configuration, 404 for an unknown contact, 400 without owner', async () => {
    const contactId = await aScoredContact('jane@acme-industries.com', 'demo');
    expect(await reassign(contactId, { owner: 'mallory' })).toMatchObject({
      status: 422,
      body: { type: 'urn:leadflow:problem:unknown-owner', detail: expect.stringContaining('"mallory"') },
    });
    expect((await reassign('c_0123456789abcdef0123456789abcdef', { owner: 'sam-lee' })).status).toBe(404);
    expect((await reassign(contactId, {})).status).toBe(400);
    expect(contacts.transitions.filter((transition) => transition.owner)).toEqual([]);
  });
});

describe('the sending status and the decision to resume nurture', () => {
  const tripped = {
    status: 'open' as const,
    trippedAt: '2026-03-02T08:00:00.000Z',
    reason: 'bounces' as const,
    figures: {
      sends: 600,
      bounces: 30,
      complaints: 0,
      from: '2026-02-23T08:00:00.000Z',
      to: '2026-03-02T08:00:00.000Z',
      bounceRate: 0.05,
      complaintRate: 0,
    },
  };

  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    token = TEST_ADMIN_TOKEN;
    now = NOW;
    sending = sendingFakes();
  });

  it("shows the breaker, its window, the thresholds, the quota with nurture's share, and who may resume", async () => {
    await sending.ledger.countSend(new Date(NOW.getTime() - 3_600_000));
    const { status, body } = await call(adminEvent('GET /admin/sending'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      nurture: 'sending',
      breaker: { status: 'closed' },
      window: { sends: 1, bounces: 0, complaints: 0, bounceRate: 0 },
      thresholds: { bounceRate: 0.04, complaintRate: 0.0008, minSends: 500 },
      quota: { max24HourSend: 1000, maxSendRate: 5, sentLast24Hours: 120, nurtureBudget: 900 },
      resumableBy: 'console-users',
    });
  });

  it('records who resumed a paused nurture, when and why, and starts a new sample', async () => {
    sending.breaker.state = tripped;
    expect((await call(adminEvent('GET /admin/sending'))).body).toMatchObject({
      nurture: 'paused',
      breaker: { status: 'open', reason: 'bounces', figures: { bounceRate: 0.05 } },
    });
    const { status, body } = await call(
      adminEvent('POST /admin/sending/resume', {
        body: { note: 'Removed the imported list; the form now checks addresses.' },
        authorizer: { jwt: { claims: { email: 'ops@acme-analytics.test' } } },
      }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ nurture: 'sending', breaker: { status: 'closed' } });
    expect(sending.breaker.state).toEqual({
      status: 'closed',
      sampleFrom: NOW.toISOString(),
      resumedAt: NOW.toISOString(),
      resumedBy: 'ops@acme-analytics.test',
      note: 'Removed the imported list; the form now checks addresses.',
    });
  });

  it('refuses to resume without a note, and says so when nothing is paused', async () => {
    sending.breaker.state = tripped;
    const noNote = await call(adminEvent('POST /admin/sending/resume', { body: { note: '  ' } }));
    expect(noNote.status).toBe(400);
    expect(sending.breaker.state.status).toBe('open');
    sending.breaker.state = { status: 'closed' };
    const notPaused = await call(adminEvent('POST /admin/sending/resume', { body: { note: 'again' } }));
    expect(notPaused.status).toBe(409);
    expect(notPaused.body.type).toMatch(/nurture-not-paused$/);
  });
});
