import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMailPreferencesHandler } from '#functions/mail-preferences/mail-preferences.ts';
import { fixedConfig } from '#shared/config/config-reader.ts';
import { emptyNurtureState } from '#shared/nurture/nurture-state.ts';
import { aContact } from '../../support/builders.ts';
import { nurtureFakes } from '../../support/nurture-fakes.ts';
import { lambdaContext } from '../../support/signed-request.ts';

const NOW = new Date('2026-03-02T10:00:00.000Z');
let fakes: ReturnType<typeof nurtureFakes>;
let handler: ReturnType<typeof createMailPreferencesHandler>;

function request(
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: string; base64?: boolean; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: options.token ? `token=${options.token}` : '',
    headers: options.headers ?? {},
    ...(options.token ? { queryStringParameters: { token: options.token } } : {}),
    ...(options.body !== undefined
      ? {
          body: options.base64 ? Buffer.from(options.body).toString('base64') : options.body,
          isBase64Encoded: options.base64 ?? false,
        }
      : { isBase64Encoded: false }),
    requestContext: {
      requestId: 'req-1',
      http: { method, path },
    } as APIGatewayProxyEventV2['requestContext'],
  };
}

const call = async (event: APIGatewayProxyEventV2) => {
  const response = await handler(event, lambdaContext);
  if (typeof response !== 'object') throw new Error('Expected a structured response.');
  return response;
};
const manage = () => fakes.deps.tokens.sign('manage', 'c_1', NOW);

beforeEach(async () => {
  fakes = nurtureFakes(NOW);
  handler = createMailPreferencesHandler({
    ...fakes.deps,
    events: fakes.events,
    config: fixedConfig(fakes.deps.config),
  });
  fakes.contacts.contacts.set('c_1', aContact({ country: 'France' }));
  await fakes.store.save(
    {
      ...emptyNurtureState('c_1'),
      status: 'active',
      track: 'whitepaper-follow-up',
      dueAt: NOW.toISOString(),
    },
    0,
  );
});

describe('mail preference routes', () => {
  it('answers a link without a token with a problem', async () => {
    const response = await call(request('GET', '/preferences'));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(String(response.body))).toMatchObject({ type: 'urn:leadflow:problem:missing-token' });
  });

  it('refuses an expired confirmation link with 410, and a page for a browser', async () => {
    const old = fakes.deps.tokens.sign('confirm', 'c_1', new Date(NOW.getTime() - 31 * 86_400_000));
    expect((await call(request('GET', '/confirm', { token: old }))).statusCode).toBe(410);
    const page = await call(request('GET', '/confirm', { token: old, headers: { accept: 'text/html' } }));
    expect(page.statusCode).toBe(410);
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('This link has expired');
  });

  it('refuses a manage token on the confirmation route', async () => {
    expect((await call(request('GET', '/confirm', { token: manage() }))).statusCode).toBe(400);
    expect((await fakes.store.load('c_1')).optIn).toBeUndefined();
  });

  it('answers 404 for a contact that no longer exists', async () => {
    fakes.contacts.contacts.delete('c_1');
    const response = await call(request('GET', '/preferences', { token: manage() }));
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(String(response.body))).toMatchObject({ type: 'urn:leadflow:problem:unknown-contact' });
  });

  it('shows the preference page in the contact’s language, never cached, never leaking the token', async () => {
    const response = await call(request('GET', '/preferences', { token: manage() }));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Vos préférences d’e-mail');
    expect(response.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  });

  it('reads a base64-encoded form, as API Gateway delivers it', async () => {
    const response = await call(
      request('POST', '/preferences', {
        token: manage(),
        body: 'topic=product',
        base64: true,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect((await fakes.store.load('c_1')).unsubscribedTopics).toEqual(['newsletter', 'resources']);
  });

  it('accepts JSON from API clients and refuses an unknown topic', async () => {
    const json = { 'content-type': 'application/json' };
    const unknown = await call(
      request('POST', '/preferences', { token: manage(), body: '{"topics":["gossip"]}', headers: json }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(JSON.parse(String(unknown.body))).toMatchObject({ type: 'urn:leadflow:problem:unknown-topic' });
    const leave = await call(
      request('POST', '/preferences', { token: manage(), body: '{"unsubscribeAll":true}', headers: json }),
    );
    expect(leave.statusCode).toBe(200);
    expect(await fakes.store.load('c_1')).toMatchObject({
      suppression: { reason: 'unsubscribed' },
      dueAt: undefined,
    });
  });

  it('records one unsubscribe however often the one-click POST is repeated', async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await call(
        request('POST', '/unsubscribe', { token: manage(), body: 'List-Unsubscribe=One-Click' }),
      );
      expect(response.statusCode).toBe(200);
    }
    expect(fakes.events.ofType('Contact Activity Recorded')).toEqual([
      expect.objectContaining({ contactId: 'c_1', activityType: 'unsubscribed' }),
    ]);
  });

  it('takes an unsubscribe back when the person picks topics again', async () => {
    await call(request('POST', '/unsubscribe', { token: manage(), body: 'List-Unsubscribe=One-Click' }));
    await call(request('POST', '/preferences', { token: manage(), body: 'topic=resources' }));
    expect(await fakes.store.load('c_1')).toMatchObject({
      suppression: undefined,
      status: 'active',
      unsubscribedTopics: ['newsletter', 'product'],
      dueAt: NOW.toISOString(),
    });
  });
});
