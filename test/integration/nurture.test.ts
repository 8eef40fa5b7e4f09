import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sesAccountAnswer } from '#infra/local/ses/ses-local.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import {
  emailItems,
  item,
  linkIn,
  mailsTo,
  putSesEvent,
  runNurtureSender,
  type SentMail,
  startWithClock,
  stopWithClock,
} from '../support/nurture-pipeline.ts';

/** Monday 2 March 2026, 10:00 in Paris (contacts without a country get the Paris default). */
const MONDAY = new Date('2026-03-02T09:00:00.000Z');
const later = (days: number, minutes = 0) =>
  new Date(MONDAY.getTime() + days * 86_400_000 + minutes * 60_000);
const consent = { granted: true };
const answers = { budget: '40k€', authority: 'I sign', need: 'qualify leads', timeline: 'next quarter' };

let pipeline: LocalPipeline;

beforeAll(async () => {
  // Many emails go out within one test second; the send rate itself is proven in send-rate.test.ts.
  pipeline = await startWithClock(MONDAY, {
    AWS_SES_ACCOUNT: sesAccountAnswer({ max24HourSend: 50_000, maxSendRate: 50 }),
  });
});

afterAll(() => stopWithClock(pipeline));

beforeEach(() => {
  vi.setSystemTime(MONDAY);
});

async function signUp(submission: Record<string, unknown>) {
  const response = await pipeline.postForm(submission);
  expect(response.status).toBe(202);
  await pipeline.settled();
  return String(response.body.contactId);
}

async function at(date: Date) {
  vi.setSystemTime(date);
  await runNurtureSender(pipeline);
}

const subjects = (mails: SentMail[]) => mails.map((mail) => mail.subject);

describe('a track’s steps go out in order and on time', () => {
  it('sends the white paper follow-up at once and the case studies three days later, not a minute before', async () => {
    const email = 'ada@lovelace-analytics.com';
    const contactId = await signUp({ email, formType: 'whitepaper', firstName: 'Ada', consent });
    expect(subjects(await mailsTo(pipeline, email))).toEqual(['Your white paper, and what to read next']);
    // Enrollment and the claim of the first email were one write of the nurture state.
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({ version: 1, step: 1 });

    await at(later(3, -1));
    expect(await mailsTo(pipeline, email)).toHaveLength(1);
    await at(later(3));
    expect(subjects(await mailsTo(pipeline, email))).toEqual([
      'Your white paper, and what to read next',
      'How teams put it into practice',
    ]);

    const recorded = await emailItems(pipeline, contactId);
    expect(recorded).toEqual([
      expect.objectContaining({
        template: 'whitepaper-follow-up',
        kind: 'nurture',
        outcome: 'sent',
        sentAt: MONDAY.toISOString(),
      }),
      expect.objectContaining({
        template: 'whitepaper-case-studies',
        kind: 'nurture',
        outcome: 'sent',
        sentAt: later(3).toISOString(),
      }),
    ]);
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({
      track: 're-engagement',
      completedTracks: ['whitepaper-follow-up'],
      nurtureDueAt: later(48).toISOString(),
    });
  });
});

describe('each guardrail blocks what it should', () => {
  it('waits for 8 a.m. in the contact’s time zone', async () => {
    const email = 'night.owl@owl-works.com';
    vi.setSystemTime(new Date('2026-03-02T02:00:00.000Z')); // 03:00 in Paris
    await signUp({ email, formType: 'whitepaper', country: 'France', consent });
    expect(await mailsTo(pipeline, email)).toEqual([]);
    await at(new Date('2026-03-02T06:59:00.000Z'));
    expect(await mailsTo(pipeline, email)).toEqual([]);
    await at(new Date('2026-03-02T07:00:00.000Z'));
    expect(subjects(await mailsTo(pipeline, email))).toEqual(['Votre livre blanc, et quoi lire ensuite']);
  });

  it('holds a third email in a week across tracks (at most 2 per 7 days)', async () => {
    const email = 'busy.reader@reader-co.com';
    const legitimateInterest = { granted: false, legalBasis: 'legitimate-interest' };
    await signUp({ email, formType: 'newsletter', consent: legitimateInterest });
    vi.setSystemTime(later(0, 60));
    await signUp({ email, formType: 'whitepaper', consent: legitimateInterest }); // stronger: moves track
    vi.setSystemTime(later(0, 120));
    await signUp({ email, formType: 'webinar', consent: legitimateInterest }); // stronger again, but capped
    expect(subjects(await mailsTo(pipeline, email))).toEqual([
      'Welcome to our newsletter',
      'Your white paper, and what to read next',
    ]);
    await at(later(6, 23 * 60));
    expect(await mailsTo(pipeline, email)).toHaveLength(2);
    await at(later(7, 1));
    expect(subjects(await mailsTo(pipeline, email))).toEqual([
      'Welcome to our newsletter',
      'Your white paper, and what to read next',
      'You are registered for our webinar',
    ]);
  });

  it('stops when the lead becomes a prospect', async () => {
    const email = 'grace@hopper-systems.io';
    await signUp({ email, formType: 'whitepaper', consent });
    vi.setSystemTime(later(1));
    await signUp({ email, formType: 'demo', company: 'Hopper Systems', jobTitle: 'CTO', answers, consent });
    await at(later(3));
    expect(subjects(await mailsTo(pipeline, email))).toEqual(['Your white paper, and what to read next']);
    expect(await item(pipeline, contactIdFor(email), 'NURTURE')).toMatchObject({
      status: 'stopped',
      stopReason: 'stage-prospect',
    });
  });

  it('sends nothing without a lawful basis', async () => {
    const email = 'no.consent@quiet-co.com';
    await signUp({ email, formType: 'whitepaper' });
    await at(later(10));
    expect(await mailsTo(pipeline, email)).toEqual([]);
  });
});

describe('double opt-in holds mail until confirmed', () => {
  it('sends only the confirmation to a consent-based newsletter signup, and the welcome once confirmed', async () => {
    const email = 'linus@torvalds-kernel.org';
    const contactId = await signUp({ email, formType: 'newsletter', firstName: 'Linus', consent });
    const [confirmation] = await mailsTo(pipeline, email);
    expect(confirmation?.subject).toBe('Please confirm your subscription');
    await at(later(8));
    expect(await mailsTo(pipeline, email)).toHaveLength(1);

    vi.setSystemTime(later(9));
    const page = await fetch(linkIn(confirmation, '/confirm'), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('your subscription is confirmed');
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({
      optIn: { status: 'confirmed', confirmedAt: later(9).toISOString() },
    });
    await runNurtureSender(pipeline);
    expect(subjects(await mailsTo(pipeline, email))).toEqual([
      'Please confirm your subscription',
      'Welcome to our newsletter, Linus',
    ]);
  });

  it('refuses a confirmation link that was altered, with a problem for API clients and a page for people', async () => {
    const email = 'barbara@liskov-labs.com';
    await signUp({ email, formType: 'newsletter', consent });
    const link = `${linkIn((await mailsTo(pipeline, email))[0], '/confirm')}x`;
    const api = await fetch(link);
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(await api.json()).toMatchObject({ type: 'urn:leadflow:problem:invalid-token', status: 400 });
    const browser = await fetch(link, { headers: { accept: 'text/html', 'accept-language': 'fr-FR' } });
    expect(browser.status).toBe(400);
    expect(await browser.text()).toContain('Ce lien ne fonctionne pas');
  });
});

describe('one-click unsubscribe stops all sending', () => {
  it('unsubscribes at once on the RFC 8058 POST, and nothing more is sent', async () => {
    const email = 'edsger@dijkstra-paths.nl';
    const contactId = await signUp({ email, formType: 'whitepaper', consent });
    const [welcome] = await mailsTo(pipeline, email);
    // The List-Unsubscribe header carries this same link (test/unit/nurture/raw-message.test.ts); the
    // SES emulator keeps no headers of raw messages, so the mail client's POST goes to the body's link.
    const url = linkIn(welcome, '/unsubscribe');

    // A link scanner's GET shows a button and changes nothing.
    expect((await fetch(url)).status).toBe(200);
    expect((await item(pipeline, contactId, 'NURTURE'))?.suppression).toBeUndefined();

    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const state = await item(pipeline, contactId, 'NURTURE');
    expect(state).toMatchObject({ suppression: { reason: 'unsubscribed' }, status: 'stopped' });
    expect(state?.nurtureDueAt).toBeUndefined();
    await pipeline.settled();
    const activities = (await pipeline.contactItems(contactId)).filter((i) =>
      String(i.sk).startsWith('ACTIVITY#'),
    );
    expect(activities.map((activity) => activity.type)).toContain('unsubscribed');

    await at(later(30));
    await at(later(60));
    expect(await mailsTo(pipeline, email)).toHaveLength(1);
  });

  it('lets a person keep some topics on the preference page', async () => {
    const email = 'frances@allen-compilers.com';
    const contactId = await signUp({ email, formType: 'whitepaper', consent });
    const preferences = linkIn((await mailsTo(pipeline, email))[0], '/preferences');
    const page = await (await fetch(preferences)).text();
    expect(page).toContain('name="topic" value="resources" checked');
    const saved = await fetch(preferences, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'topic=newsletter&topic=product',
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Your choices are saved.');
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({ unsubscribedTopics: ['resources'] });
    await at(later(3));
    expect(await mailsTo(pipeline, email)).toHaveLength(1);
  });
});

describe('SES feedback', () => {
  it('suppresses the address on a hard bounce', async () => {
    const email = 'nobody@bounce-here.com';
    const contactId = await signUp({ email, formType: 'whitepaper', consent });
    const [mail] = await mailsTo(pipeline, email);
    const [sent] = await emailItems(pipeline, contactId);
    if (!mail || !sent) throw new Error('The first email was not sent.');
    await putSesEvent(pipeline, mail, 'Bounce', later(0, 1), {
      contactId,
      sentAt: String(new Date(sent.sentAt).getTime()),
    });
    expect(await item(pipeline, contactId, 'NURTURE')).toMatchObject({
      suppression: { reason: 'hard-bounce' },
    });
    expect((await emailItems(pipeline, contactId))[0]).toMatchObject({ outcome: 'bounced' });
    await at(later(3));
    expect(await mailsTo(pipeline, email)).toHaveLength(1);
  });

  it('raises the score on a click', async () => {
    const email = 'alan@turing-machines.co.uk';
    const contactId = await signUp({ email, formType: 'whitepaper', consent });
    const before = (await item(pipeline, contactId, 'PROFILE'))?.score.total;
    const [mail] = await mailsTo(pipeline, email);
    const [sent] = await emailItems(pipeline, contactId);
    if (!mail || !sent) throw new Error('The first email was not sent.');
    const tags = { contactId, sentAt: String(new Date(sent.sentAt).getTime()) };
    vi.setSystemTime(later(0, 10));
    await putSesEvent(pipeline, mail, 'Delivery', later(0, 1), tags);
    await putSesEvent(pipeline, mail, 'Click', later(0, 10), tags);
    const after = await item(pipeline, contactId, 'PROFILE');
    expect(after?.score.total).toBeGreaterThan(before);
    expect(after?.score.breakdown).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: expect.stringMatching(/email_clicked/) })]),
    );
    expect((await emailItems(pipeline, contactId))[0]).toMatchObject({
      outcome: 'clicked',
      deliveredAt: later(0, 1).toISOString(),
    });
  });
});

describe('no email can carry unescaped input', () => {
  it('escapes a name and a company written to inject markup', async () => {
    const email = 'mallory@evil-corp.com';
    await signUp({
      email,
      formType: 'whitepaper',
      firstName: '<img src=x onerror=alert(1)>',
      company: '"><script>alert(2)</script>',
      consent,
    });
    await at(later(3));
    const mails = await mailsTo(pipeline, email);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.body.html).not.toMatch(/<img src=x|<script>alert/);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
    expect(mails[0]?.body.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mails[1]?.body.html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});
