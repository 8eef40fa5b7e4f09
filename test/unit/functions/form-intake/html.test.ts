import { beforeEach, describe, expect, it } from 'vitest';
import { multipart, URLENCODED, urlEncoded } from '../../../support/browser-forms.ts';
import { expectProblem, IntakeHarness } from '../../../support/intake-harness.ts';

const SITE = 'https://www.acme-industries.com';
const demoForm = {
  email: 'Jane.Doe@Acme-Industries.com',
  first_name: 'Jane',
  last_name: 'Doe',
  company: 'Acme Industries',
  job_title: 'Head of Sales',
  consent: 'on',
  _gotcha: '',
};

let intake: IntakeHarness;

beforeEach(() => {
  intake = new IntakeHarness();
});

describe('POST /forms/html: a plain browser form', () => {
  it('records a urlencoded post (base64, as API Gateway passes it) and sends the browser to the thank-you page', async () => {
    const response = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      origin: SITE,
      referer: `${SITE}/demo?utm_source=google&utm_medium=cpc&utm_campaign=brand`,
    });
    expect(response.status).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${SITE}/merci`);
    expect(location.hash).toMatch(/^#lf_vt=[\w.-]+$/);
    expect(response.cookies).toEqual([expect.stringMatching(/^lf_vt=[\w.-]+; .*HttpOnly; SameSite=None$/)]);
    expect(intake.onlyContact()).toMatchObject({
      email: 'jane.doe@acme-industries.com',
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Acme Industries',
      jobTitle: 'Head of Sales',
      consent: { granted: true, purpose: 'Product news by email', legalBasis: 'consent', source: 'html' },
      firstTouch: { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'brand' },
    });
    expect(intake.activities()).toEqual([expect.objectContaining({ type: 'demo_request', source: 'html' })]);
  });

  it('records a multipart post with French field names, ignoring files', async () => {
    const { body, contentType } = await multipart({
      courriel: 'elodie@durand-conseil.fr',
      prénom: 'Élodie',
      nom: 'Durand',
      société: 'Durand Conseil',
      téléphone: '+33 6 12 34 56 78',
      cv: new Blob(['%PDF-1.7 not stored'], { type: 'application/pdf' }),
    });
    const response = await intake.browser('demo', body, contentType);
    expect(response.status).toBe(303);
    const contact = intake.onlyContact();
    expect(contact).toMatchObject({
      email: 'elodie@durand-conseil.fr',
      firstName: 'Élodie',
      lastName: 'Durand',
      company: 'Durand Conseil',
      phone: '+33 6 12 34 56 78',
    });
    expect(JSON.stringify(contact)).not.toContain('PDF');
  });

  it('records an unticked consent box as consent refused, as the form states it', async () => {
    const { consent: _unticked, ...withoutConsent } = demoForm;
    await intake.browser('demo', urlEncoded(withoutConsent), URLENCODED);
    expect(intake.onlyContact().consent).toMatchObject({ granted: false, purpose: 'Product news by email' });
  });

  it('splits a single name field into first and last name', async () => {
    await intake.browser(
      'newsletter',
      urlEncoded({ email: 'ada@lovelace.dev', name: 'Ada King Lovelace' }),
      URLENCODED,
      {
        origin: 'https://blog.acme-industries.com',
      },
    );
    expect(intake.onlyContact()).toMatchObject({ firstName: 'Ada', lastName: 'King Lovelace' });
  });

  it('answers a fetch() that asks for JSON with JSON, the visitor token and CORS headers for its origin', async () => {
    const response = await intake.browser(
      'demo',
      JSON.stringify({ email: 'jane@acme-industries.com' }),
      'application/json',
      {
        origin: SITE,
        accept: 'application/json',
      },
    );
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      status: 'accepted',
      duplicate: false,
      visitorToken: expect.any(String),
    });
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': SITE,
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
  });

  it('gives problems CORS headers too, so the page can read why (422 for an invalid address)', async () => {
    const response = await intake.browser('demo', urlEncoded({ email: 'jane@localhost' }), URLENCODED, {
      origin: SITE,
      accept: 'application/json',
    });
    expectProblem(response, 422, 'invalid-email');
    expect(response.headers['access-control-allow-origin']).toBe(SITE);
    intake.expectNothingWritten();
  });

  it('records a double submission of the same content once', async () => {
    const first = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      origin: SITE,
      accept: 'application/json',
    });
    const second = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      origin: SITE,
      accept: 'application/json',
    });
    expect(second.body).toMatchObject({ duplicate: true, activityId: first.body.activityId });
    expect(intake.activities()).toHaveLength(1);
  });

  it('keys idempotency on a submission_id field or an Idempotency-Key header when the page sets one', async () => {
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      intake.browser('demo', urlEncoded({ ...demoForm, ...fields }), URLENCODED, {
        origin: SITE,
        accept: 'application/json',
        ...headers,
      });
    await post({ submission_id: 'sub-1', job_title: 'CEO' });
    const retried = await post({ submission_id: 'sub-1', job_title: 'Chief Executive' });
    await post({}, { 'idempotency-key': 'key-1' });
    const replayed = await post({ company: 'Acme' }, { 'idempotency-key': 'key-1' });
    expect(retried.body.duplicate).toBe(true);
    expect(replayed.body.duplicate).toBe(true);
    expect(intake.activities()).toHaveLength(2);
  });
});

describe('POST /forms/html: who may post', () => {
  it('refuses a page that is not on the form’s allowed origins, with no CORS headers', async () => {
    const response = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      origin: 'https://evil.example',
    });
    expectProblem(response, 403, 'origin-not-allowed');
    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    intake.expectNothingWritten();
  });

  it('falls back on the Referer when there is no Origin, or Origin is "null"', async () => {
    const viaReferer = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      referer: `${SITE}/demo`,
    });
    const nullOrigin = await intake.browser(
      'demo',
      urlEncoded({ ...demoForm, company: 'Other' }),
      URLENCODED,
      {
        origin: 'null',
        referer: `${SITE}/demo`,
      },
    );
    expect([viaReferer.status, nullOrigin.status]).toEqual([303, 303]);
    const refused = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, { origin: 'null' });
    expectProblem(refused, 403, 'origin-not-allowed');
  });

  it('allows every subdomain of a wildcard origin, and not the bare domain', async () => {
    const preview = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      origin: 'https://pr-42.acme-preview.com',
    });
    const bare = await intake.browser('demo', urlEncoded(demoForm), URLENCODED, {
      origin: 'https://acme-preview.com',
    });
    expect(preview.status).toBe(303);
    expectProblem(bare, 403, 'origin-not-allowed');
  });

  it('answers a bot that fills the honeypot as if accepted, and stores nothing', async () => {
    const redirected = await intake.browser(
      'demo',
      urlEncoded({ ...demoForm, _gotcha: 'http://spam.example' }),
      URLENCODED,
    );
    expect(redirected.status).toBe(303);
    expect(redirected.headers.location).toBe(`${SITE}/merci`);
    expect(redirected.cookies).toEqual([]);
    const json = await intake.browser(
      'newsletter',
      urlEncoded({ email: 'bot@spam.example', website: 'spam' }),
      URLENCODED,
      { origin: 'https://blog.acme-industries.com', accept: 'application/json' },
    );
    expect(json).toMatchObject({ status: 202, body: { status: 'accepted' } });
    intake.expectNothingWritten();
  });

  it('answers 404 for a form that is not configured, or not named', async () => {
    expectProblem(await intake.browser('brochure', urlEncoded(demoForm), URLENCODED), 404, 'unknown-form');
    expectProblem(await intake.browser('__proto__', urlEncoded(demoForm), URLENCODED), 404, 'unknown-form');
    const unnamed = await intake.send('html', Buffer.from(urlEncoded(demoForm)), {
      'content-type': URLENCODED,
      origin: SITE,
    });
    expectProblem(unnamed, 404, 'unknown-form');
    intake.expectNothingWritten();
  });
});

describe('OPTIONS /forms/html: the preflight of a fetch() post', () => {
  const preflight = (origin: string, source = 'html') =>
    intake.send(
      source,
      '',
      { origin, 'access-control-request-method': 'POST' },
      { method: 'OPTIONS', query: { form: 'demo' } },
    );

  it('allows POST with the headers a page sends, for an allowed origin', async () => {
    const response = await preflight(SITE);
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': SITE,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, accept, idempotency-key',
      'access-control-allow-credentials': 'true',
    });
  });

  it('refuses another origin, and sources that are not posted from browsers', async () => {
    expectProblem(await preflight('https://evil.example'), 403, 'origin-not-allowed');
    expectProblem(await preflight(SITE, 'typeform'), 404, 'unknown-source');
  });
});
