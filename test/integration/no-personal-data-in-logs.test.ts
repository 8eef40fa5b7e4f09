import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGAGEMENT_SOURCE } from '#events/engagement-source.ts';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';
import { providerHeaders, type SignedSourceName } from '#infra/local/provider-signatures.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { URLENCODED, urlEncoded } from '../support/browser-forms.ts';
import { webinarAttendance } from '../support/engagement-events.ts';
import { providerFixture } from '../support/intake-harness.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import {
  emailItems,
  item,
  linkIn,
  mailsTo,
  putSesEvent,
  runNurtureSender,
  startWithClock,
  stopWithClock,
} from '../support/nurture-pipeline.ts';

// The vitest config silences Powertools; this test needs every line the functions would log in AWS.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

const NOW = new Date('2026-03-02T09:00:00.000Z');
const answers = { budget: '40k', authority: 'I sign', need: 'lead scoring', timeline: 'Q3' };

/** The test contacts: every address, name and phone number that must never reach a log line. */
const people = {
  generic: {
    email: 'hedy@lamarr-frequencies.com',
    firstName: 'Hedylamarr',
    lastName: 'Kieslerova',
    phone: '+43 660 5550142',
  },
  review: {
    email: 'radia@perlman-spanning.com',
    firstName: 'Radiaperl',
    lastName: 'Spanningtree',
    phone: '+1 202 5550177',
  },
  html: { email: 'frances@allen-compilers.com', firstName: 'Francesall', lastName: 'Optimizerova' },
  typeform: { email: 'annie@easley-centaur.com' },
  tally: { email: 'evelyn@boyd-granville.com' },
  webflow: { email: 'jean@sammet-cobol.com' },
  webinar: { email: 'adele@goldberg-smalltalk.com' },
};
const FIXTURES = {
  typeform: 'typeform-form-response',
  tally: 'tally-form-response',
  webflow: 'webflow-form-submission',
};

const captured: string[] = [];
let pipeline: LocalPipeline;

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) =>
    captured.push(args.map(String).join(' ')),
  );
  pipeline = await startWithClock(NOW);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await stopWithClock(pipeline);
});

function providerBody(source: keyof typeof FIXTURES, email: string): string {
  const example = JSON.parse(providerFixture(FIXTURES[source]));
  if (source === 'typeform') example.form_response.answers[1].email = email;
  else if (source === 'tally') example.data.fields[5].value = email;
  else example.payload.data.email = email;
  return JSON.stringify(example);
}

async function postSigned(source: Exclude<SignedSourceName, 'generic'>, email: string) {
  const body = providerBody(source, email);
  const secret = DEV_SECRETS[`WEBHOOK_SECRET_${source.toUpperCase()}`] ?? '';
  return pipeline.request('POST', `/forms/${source}`, {
    body,
    headers: providerHeaders(source, body, { secret, id: `msg_logs_${source}` }),
  });
}

describe('no personal data in logs', () => {
  it('runs the whole pipeline and no log line holds an address, a name or a phone number of its contacts', async () => {
    const { generic, review, html } = people;
    const consent = { granted: true, purpose: 'newsletter' };
    expect((await pipeline.postForm({ ...generic, formType: 'newsletter', consent })).status).toBe(202);
    expect((await pipeline.postForm({ ...review, formType: 'demo', company: 'Perlman' })).status).toBe(202);
    const browser = await pipeline.request('POST', '/forms/html?form=contact', {
      body: urlEncoded({
        email: html.email,
        prenom: html.firstName,
        nom: html.lastName,
        consent: 'on',
        _gotcha: '',
      }),
      headers: { 'content-type': URLENCODED, origin: 'http://localhost:8080' },
    });
    expect(browser.status).toBe(303);
    for (const source of ['typeform', 'tally', 'webflow'] as const) {
      expect((await postSigned(source, people[source].email)).status).toBe(202);
    }
    await pipeline.settled();
    // An engagement signal, a bad request and a forged token: refusals are logged too.
    const attendee = { ...webinarAttendance.participant, email: people.webinar.email };
    await pipeline.putEvent(ENGAGEMENT_SOURCE, 'Webinar Attended', {
      ...webinarAttendance,
      participant: attendee,
    });
    expect(
      (await pipeline.postForm({ email: `not-an-address ${generic.phone}`, formType: 'demo' })).status,
    ).toBe(422);
    await pipeline.settled();

    // Review: sales accepts the demo request.
    const accepted = await pipeline.admin('POST', `/admin/reviews/${contactIdFor(review.email)}`, {
      decision: 'accept',
      answers,
    });
    expect(accepted.status).toBe(200);
    expect(
      (await pipeline.admin('GET', `/admin/contacts?email=${encodeURIComponent(review.email)}`)).status,
    ).toBe(200);

    // Nurture: the double opt-in, its confirmation, the welcome, SES feedback on it.
    const [confirmation] = await mailsTo(pipeline, generic.email);
    expect((await fetch(linkIn(confirmation, '/confirm'))).status).toBe(200);
    await runNurtureSender(pipeline);
    await pipeline.settled();
    const mails = await mailsTo(pipeline, generic.email);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    const welcome = mails.at(-1);
    if (!welcome) throw new Error('no welcome email');
    const contactId = contactIdFor(generic.email);
    const sent = (await emailItems(pipeline, contactId)).at(-1);
    const tags = { contactId, sentAt: String(new Date(sent?.sentAt).getTime()) };
    await putSesEvent(pipeline, welcome, 'Click', NOW, tags);
    await putSesEvent(pipeline, welcome, 'Bounce', NOW, tags);
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({
      suppression: { reason: 'hard-bounce' },
    });

    // Privacy: export, then erase (the bounce stays the reason of the kept suppression).
    const exported = await pipeline.request('GET', `/admin/contacts/${contactId}/export`, {
      headers: { authorization: `Bearer ${process.env.LEADFLOW_ADMIN_TOKEN}` },
    });
    expect(exported.status).toBe(200);
    expect(
      (
        await pipeline.request('DELETE', `/admin/contacts/${contactId}`, {
          headers: { authorization: `Bearer ${process.env.LEADFLOW_ADMIN_TOKEN}` },
        })
      ).status,
    ).toBe(200);
    await pipeline.settled();
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({
      suppression: { reason: 'hard-bounce' },
    });

    const lines = captured
      .join('')
      .split('\n')
      .filter((line) => line.trim() !== '');
    // The functions did log: the capture works, and each function's lines are in it.
    expect(lines.filter((line) => line.includes('"service":"leadflow"')).length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes('contact erased'))).toBe(true);
    const secrets = Object.values(people).flatMap((person) =>
      Object.values(person).flatMap((value) => [value, value.toLowerCase(), encodeURIComponent(value)]),
    );
    const leaks = lines.filter((line) => secrets.some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
  });
});
