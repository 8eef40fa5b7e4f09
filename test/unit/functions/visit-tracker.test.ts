import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createVisitTrackerHandler } from '#functions/visit-tracker/visit-tracker.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { issueVisitorToken } from '#shared/tracking/visitor-token.ts';
import { NOW } from '../../support/builders.ts';
import { TEST_FORMS, TEST_SECRETS } from '../../support/intake-harness.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { formPostEvent, lambdaContext } from '../../support/signed-request.ts';

const SITE = 'https://www.acme-industries.com';
const CONTACT = 'c_0123456789abcdef0123456789abcdef';
const secret = TEST_SECRETS.VISITOR_TOKEN_SECRET ?? '';

let events: RecordingPublisher;
let secrets: Map<string, string>;
let now: Date;

async function beacon(
  body: Record<string, unknown> | string,
  headers: Record<string, string> = {},
  options: { method?: string; cookies?: string[] } = {},
) {
  const handler = createVisitTrackerHandler({
    events,
    clock: () => now,
    forms: TEST_FORMS,
    readSecret: async (name) => {
      const value = secrets.get(name);
      if (!value) throw new SecretNotConfiguredError(name);
      return value;
    },
  });
  const event = formPostEvent(
    '',
    typeof body === 'string' ? body : JSON.stringify(body),
    {
      origin: SITE,
      'content-type': 'text/plain;charset=UTF-8',
      ...headers,
    },
    options,
  );
  const result = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    body: result.body ? JSON.parse(result.body) : undefined,
  };
}

const visit = async (overrides: Record<string, unknown> = {}) => ({
  visitorToken: await issueVisitorToken(CONTACT, secret, NOW),
  url: `${SITE}/pricing?utm_source=newsletter&utm_campaign=march&email=jane%40acme.com#plans`,
  title: 'Pricing',
  referrer: 'https://mail.example.com/inbox?id=42',
  ...overrides,
});

beforeEach(() => {
  events = new RecordingPublisher();
  secrets = new Map(Object.entries(TEST_SECRETS));
  now = NOW;
});

describe('POST /track', () => {
  it('forwards a known visit as Page Visited, without the query of the page or the referrer', async () => {
    const response = await beacon(await visit());
    expect(response.status).toBe(202);
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
    expect(events.ofType('Page Visited')).toEqual([
      {
        version: 1,
        messageId: expect.stringMatching(/^bcn_[0-9a-f]{32}$/),
        timestamp: NOW.toISOString(),
        source: 'beacon',
        contact: { contactId: CONTACT },
        page: { url: `${SITE}/pricing`, title: 'Pricing', referrer: 'https://mail.example.com/inbox' },
        campaign: { source: 'newsletter', name: 'march' },
      },
    ]);
    expect(JSON.stringify(events.published)).not.toContain('jane');
  });

  it('reads the token from the cookie when the page sends none, and counts one page once an hour', async () => {
    const { visitorToken, ...withoutToken } = await visit();
    await beacon(withoutToken, {}, { cookies: [`lf_vt=${visitorToken}`] });
    now = new Date(NOW.getTime() + 10 * 60_000);
    await beacon(withoutToken, {}, { cookies: [`lf_vt=${visitorToken}`] });
    now = new Date(NOW.getTime() + 60 * 60_000);
    await beacon(
      withoutToken,
      { 'content-type': 'application/json' },
      { cookies: [`lf_vt=${visitorToken}`] },
    );
    const ids = events.ofType('Page Visited').map((detail: any) => detail.messageId);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('drops an anonymous visit on the spot (204), publishing nothing', async () => {
    const { visitorToken: _none, ...anonymous } = await visit();
    const response = await beacon(anonymous);
    expect(response.status).toBe(204);
    expect(events.published).toEqual([]);
  });

  it('refuses a forged, altered or expired token (401), publishing nothing', async () => {
    const forged = await issueVisitorToken(CONTACT, 'another-secret', NOW);
    const genuine = await issueVisitorToken(CONTACT, secret, NOW);
    const altered = `${genuine.slice(0, -4)}AAAA`;
    for (const visitorToken of [forged, altered, 'not-a-token']) {
      const response = await beacon(await visit({ visitorToken }));
      expect(response.status).toBe(401);
      expect(response.body.type).toBe('urn:leadflow:problem:invalid-visitor-token');
    }
    now = new Date(NOW.getTime() + 366 * 86_400_000);
    expect((await beacon(await visit())).status).toBe(401);
    expect(events.published).toEqual([]);
  });

  it('refuses pages that are not on an allowed origin, by header or by page address', async () => {
    const fromElsewhere = await beacon(await visit(), { origin: 'https://evil.example' });
    const otherPage = await beacon(await visit({ url: 'https://evil.example/page' }));
    expect([fromElsewhere.status, otherPage.status]).toEqual([403, 403]);
    expect(fromElsewhere.headers).not.toHaveProperty('access-control-allow-origin');
    expect(events.published).toEqual([]);
  });

  it('refuses a body that is not a beacon', async () => {
    expect((await beacon('{"url":')).status).toBe(400);
    expect((await beacon(await visit({ url: 'javascript:alert(1)' }))).status).toBe(400);
    expect(
      (await beacon(await visit(), { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    expect(events.published).toEqual([]);
  });

  it('fails closed without a token secret', async () => {
    secrets.delete('VISITOR_TOKEN_SECRET');
    expect((await beacon(await visit())).status).toBe(401);
    expect(events.published).toEqual([]);
  });

  it('answers the preflight of a fetch() beacon from an allowed origin only', async () => {
    const allowed = await beacon('', {}, { method: 'OPTIONS' });
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': SITE,
      'access-control-allow-methods': 'POST',
    });
    expect((await beacon('', { origin: 'https://evil.example' }, { method: 'OPTIONS' })).status).toBe(403);
  });
});
