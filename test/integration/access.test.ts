import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '#infra/wiring/functions.ts';
import type { HttpTrigger } from '#infra/wiring/types.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import { item, linkIn, mailsTo, startWithClock, stopWithClock } from '../support/nurture-pipeline.ts';

const SITE = 'http://localhost:8080';
const consent = { granted: true, purpose: 'newsletter' };

/** Every route the wiring declares `auth: 'admin'`, with its path parameters filled in. */
const adminRoutes = Object.values(functions)
  .flatMap((declaration) => declaration.triggers as readonly { kind: string }[])
  .filter((trigger): trigger is HttpTrigger => trigger.kind === 'http')
  .filter((route) => route.auth === 'admin')
  .map((route) => ({
    ...route,
    url: route.path.replace(/\{\w+\}/g, contactIdFor('ada@lovelace-analytics.com')),
  }));

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await startWithClock(new Date('2026-03-02T09:00:00.000Z'));
});

afterAll(() => stopWithClock(pipeline));

describe('admin routes', () => {
  it('are all declared, export and erasure included', () => {
    expect(adminRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'GET /admin/contacts/{contactId}/export',
        'DELETE /admin/contacts/{contactId}',
      ]),
    );
  });

  const credentials: [string, Record<string, string>][] = [
    ['no credential', {}],
    ['a wrong token', { authorization: 'Bearer not-the-admin-token' }],
    ['the token with another scheme', { authorization: `Basic ${process.env.LEADFLOW_ADMIN_TOKEN}` }],
    ['the token in another header', { 'x-api-key': String(process.env.LEADFLOW_ADMIN_TOKEN) }],
    ['the token with a suffix', { authorization: `Bearer ${process.env.LEADFLOW_ADMIN_TOKEN}x` }],
  ];
  it.each(credentials)(
    'refuse %s on every admin route (401 problem, with the Bearer challenge)',
    async (_, headers) => {
      for (const route of adminRoutes) {
        const response = await pipeline.request(route.method, route.url, {
          headers: { ...headers, 'content-type': 'application/json' },
          ...(route.method === 'POST' ? { body: JSON.stringify({ decision: 'accept' }) } : {}),
        });
        expect(response.status, `${route.method} ${route.path}`).toBe(401);
        expect(response.body.type).toBe('urn:leadflow:problem:unauthorized');
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="leadflow-admin"');
      }
    },
  );
});

describe('tokens in emails and visitor tokens', () => {
  const alice = 'alice@first-contact.com';
  const bob = 'bob@second-contact.com';

  beforeAll(async () => {
    for (const email of [alice, bob]) {
      expect((await pipeline.postForm({ email, formType: 'newsletter', consent })).status).toBe(202);
    }
    await pipeline.settled();
  });

  /** Alice's signature on Bob's claims: what a person would try to act for someone else. */
  function chimera(own: string, other: string): string {
    const ownToken = new URL(own).searchParams.get('token') ?? '';
    const otherToken = new URL(other).searchParams.get('token') ?? '';
    const [, mac] = ownToken.split('.');
    const [payload] = otherToken.split('.');
    const url = new URL(own);
    url.searchParams.set('token', `${payload}.${mac}`);
    return url.toString();
  }

  it('confirm only the contact they were sent to; a token made from another contact’s is refused', async () => {
    const aliceLink = linkIn((await mailsTo(pipeline, alice))[0], '/confirm');
    const bobLink = linkIn((await mailsTo(pipeline, bob))[0], '/confirm');
    const forged = await fetch(chimera(aliceLink, bobLink));
    expect([400, 401, 403]).toContain(forged.status);
    expect(await item(pipeline, contactIdFor(bob), 'NURTURE')).toMatchObject({
      optIn: { status: 'pending' },
    });

    const invented = new URL(aliceLink);
    invented.searchParams.set('token', 'eyJjIjoiY18xIn0.bm90LWEtbWFj');
    expect([400, 401, 403]).toContain((await fetch(invented)).status);

    expect((await fetch(aliceLink)).status).toBe(200);
    expect(await item(pipeline, contactIdFor(alice), 'NURTURE')).toMatchObject({
      optIn: { status: 'confirmed' },
    });
    expect(await item(pipeline, contactIdFor(bob), 'NURTURE')).toMatchObject({
      optIn: { status: 'pending' },
    });
  });

  it('unsubscribe only the contact they were sent to', async () => {
    const aliceLink = linkIn((await mailsTo(pipeline, alice))[0], '/unsubscribe');
    const bobLink = linkIn((await mailsTo(pipeline, bob))[0], '/unsubscribe');
    const forged = await fetch(chimera(aliceLink, bobLink), { method: 'POST' });
    expect([400, 401, 403]).toContain(forged.status);
    await pipeline.settled();
    expect((await item(pipeline, contactIdFor(bob), 'NURTURE'))?.suppression).toBeUndefined();
    expect((await item(pipeline, contactIdFor(alice), 'NURTURE'))?.suppression).toBeUndefined();
  });

  it('record visits for their own contact only, and an altered one for nobody', async () => {
    const submitted = await pipeline.request('POST', '/forms/html?form=contact', {
      body: new URLSearchParams({ email: 'carol@third-contact.com' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: SITE,
        accept: 'application/json',
      },
    });
    const token = String(submitted.body.visitorToken);
    const beacon = (visitorToken: string) =>
      pipeline.request('POST', '/track', {
        body: JSON.stringify({ visitorToken, url: `${SITE}/pricing`, title: 'Pricing' }),
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SITE },
      });
    const parts = token.split('.');
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    expect((await beacon(parts.join('.'))).status).toBe(401);
    expect((await beacon('eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.AAAA.AAAA')).status).toBe(401);
    expect((await beacon(token)).status).toBe(202);
    await pipeline.settled();
    expect((await pipeline.events('Page Visited')).map((event) => event.detail.contact)).toEqual([
      { contactId: contactIdFor('carol@third-contact.com') },
    ]);
  });
});
