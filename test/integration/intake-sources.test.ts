import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGAGEMENT_SOURCE } from '#events/engagement-source.ts';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';
import { providerHeaders, type SignedSourceName } from '#infra/local/provider-signatures.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { URLENCODED, urlEncoded } from '../support/browser-forms.ts';
import { webinarAttendance } from '../support/engagement-events.ts';
import { providerFixture } from '../support/intake-harness.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/** The shipped forms configuration's example HTML form, and the page it allows. */
const SITE = 'http://localhost:8080';

const FIXTURES: Readonly<Record<Exclude<SignedSourceName, 'generic'>, string>> = {
  typeform: 'typeform-form-response',
  tally: 'tally-form-response',
  webflow: 'webflow-form-submission',
};

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await LocalPipeline.start();
});

afterAll(async () => {
  await pipeline?.stop();
});

function postSigned(source: SignedSourceName, body: string) {
  const secret = DEV_SECRETS[`WEBHOOK_SECRET_${source.toUpperCase()}`] ?? '';
  return pipeline.request('POST', `/forms/${source}`, {
    body,
    headers: providerHeaders(source, body, { secret, id: 'msg_concurrent' }),
  });
}

async function activitiesOf(email: string) {
  const items = await pipeline.contactItems(contactIdFor(email));
  return items.filter((item) => String(item.sk).startsWith('ACTIVITY#'));
}

/** The documented example with another person and another provider id, so each test has its own contact. */
function variant(source: keyof typeof FIXTURES, email: string, id: string): string {
  const example = JSON.parse(providerFixture(FIXTURES[source]));
  if (source === 'typeform') {
    example.form_response.token = id;
    example.form_response.answers[1].email = email;
  } else if (source === 'tally') {
    example.data.responseId = id;
    example.data.fields[5].value = email;
  } else {
    example.payload.id = id;
    example.payload.data.email = email;
  }
  return JSON.stringify(example);
}

describe.each(['typeform', 'tally', 'webflow'] as const)(
  'POST /forms/%s through the local gateway',
  (source) => {
    it("records a submission shaped like the provider's documented example, and the scorer runs after it", async () => {
      const email = `documented@${source}-example.com`;
      const response = await postSigned(source, variant(source, email, `${source}-documented`));
      expect(response.status).toBe(202);
      await pipeline.settled();
      expect(await activitiesOf(email)).toHaveLength(1);
      const scored = (await pipeline.events('Contact Scored')).filter(
        (event) => event.detail.contactId === contactIdFor(email),
      );
      expect(scored.length).toBeGreaterThanOrEqual(1);
    });

    it('records five concurrent deliveries of one submission once (conditional write in DynamoDB)', async () => {
      const email = `concurrent@${source}-example.com`;
      const body = variant(source, email, `${source}-concurrent`);
      const responses = await Promise.all(Array.from({ length: 5 }, () => postSigned(source, body)));
      expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202, 202]);
      expect(responses.filter((response) => response.body.duplicate === false)).toHaveLength(1);
      expect(new Set(responses.map((response) => response.body.activityId)).size).toBe(1);
      await pipeline.settled();
      expect(await activitiesOf(email)).toHaveLength(1);
      const profile = (await pipeline.contactItems(contactIdFor(email))).find(
        (item) => item.sk === 'PROFILE',
      );
      expect(profile?.activityCount).toBe(1);
    });
  },
);

describe('POST /forms/generic through the local gateway', () => {
  it('records five concurrent deliveries of one webhook-id once', async () => {
    const email = 'concurrent@generic-example.com';
    const body = JSON.stringify({ email, formType: 'whitepaper' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => postSigned('generic', body)));
    expect(responses.filter((response) => response.body.duplicate === false)).toHaveLength(1);
    await pipeline.settled();
    expect(await activitiesOf(email)).toHaveLength(1);
  });
});

describe('a browser form through the local gateway', () => {
  it('decodes the base64 body API Gateway hands over, records it, and sends the browser on (303)', async () => {
    const email = 'browser@acme-industries.com';
    const response = await pipeline.request('POST', '/forms/html?form=contact', {
      body: urlEncoded({ email, prenom: 'Zoé', entreprise: 'Acme', consent: 'on', _gotcha: '' }),
      headers: { 'content-type': URLENCODED, origin: SITE },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^http:\/\/localhost:8080\/thank-you\.html#lf_vt=/);
    expect(response.headers.get('set-cookie')).toMatch(/^lf_vt=/);
    const profile = (await pipeline.contactItems(contactIdFor(email))).find((item) => item.sk === 'PROFILE');
    expect(profile).toMatchObject({ firstName: 'Zoé', company: 'Acme', consent: { granted: true } });
  });

  it('takes a multipart post from fetch(), and records a concurrent double submit once', async () => {
    const email = 'double-click@acme-industries.com';
    const post = () => {
      const form = new FormData();
      form.append('email', email);
      form.append('name', 'Double Click');
      return pipeline.request('POST', '/forms/html?form=contact', {
        body: form,
        headers: { origin: SITE, accept: 'application/json' },
      });
    };
    const [first, second] = await Promise.all([post(), post()]);
    expect([first?.status, second?.status]).toEqual([202, 202]);
    expect(first?.headers.get('access-control-allow-origin')).toBe(SITE);
    await pipeline.settled();
    expect(await activitiesOf(email)).toHaveLength(1);
  });

  it('answers the preflight of the form route', async () => {
    const response = await pipeline.request('OPTIONS', '/forms/html?form=contact', {
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
  });
});

describe('engagement signals on the local bus', () => {
  it('records a webinar attendance put with PutEvents once, even delivered twice at once, then scores', async () => {
    const email = 'attendee@hopper-systems.io';
    const detail = { ...webinarAttendance, participant: { ...webinarAttendance.participant, email } };
    await Promise.all([
      pipeline.putEvent(ENGAGEMENT_SOURCE, 'Webinar Attended', detail),
      pipeline.putEvent(ENGAGEMENT_SOURCE, 'Webinar Attended', detail),
    ]);
    await pipeline.settled();
    expect((await activitiesOf(email)).map((item) => item.type)).toEqual(['webinar_attended']);
    const scored = (await pipeline.events('Contact Scored')).filter(
      (event) => event.detail.contactId === contactIdFor(email),
    );
    expect(scored.length).toBeGreaterThanOrEqual(1);
  });

  it('records page visits from the beacon for a contact known from a form, and drops anonymous ones', async () => {
    const email = 'visitor@acme-industries.com';
    const submitted = await pipeline.request('POST', '/forms/html?form=contact', {
      body: urlEncoded({ email }),
      headers: { 'content-type': URLENCODED, origin: SITE, accept: 'application/json' },
    });
    const beacon = (visitorToken?: string) =>
      pipeline.request('POST', '/track', {
        body: JSON.stringify({
          visitorToken,
          url: `${SITE}/pricing?utm_source=newsletter`,
          title: 'Pricing',
        }),
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SITE },
      });
    expect((await beacon(submitted.body.visitorToken)).status).toBe(202);
    expect((await beacon()).status).toBe(204);
    await pipeline.settled();
    const types = (await activitiesOf(email)).map((item) => item.type).sort();
    expect(types).toEqual(['contact_request', 'page_visited']);
    expect((await pipeline.events('Page Visited')).map((event) => event.detail.contact)).toEqual([
      { contactId: contactIdFor(email) },
    ]);
  });
});
