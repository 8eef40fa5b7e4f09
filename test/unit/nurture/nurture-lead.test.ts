import { beforeEach, describe, expect, it } from 'vitest';
import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { Consent } from '#shared/contact/contact.ts';
import { deliverDue } from '#shared/nurture/deliver-due.ts';
import { nurtureLead } from '#shared/nurture/nurture-lead.ts';
import { sendDueEmails } from '#shared/nurture/send-due-emails.ts';
import { aContact, anActivity } from '../../support/builders.ts';
import { InMemoryNurtureStore } from '../../support/in-memory-nurture-store.ts';
import { consentGiven, legitimateInterest, nurtureFakes } from '../../support/nurture-fakes.ts';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const legitimate = legitimateInterest(NOW);
const consent = consentGiven(NOW);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let fakes: ReturnType<typeof nurtureFakes>;

function aLead(
  interest: FormType,
  options: { consent?: Consent; firstName?: string; country?: string } = {},
) {
  fakes.contacts.contacts.set('c_1', {
    ...aContact({
      interest,
      consent: options.consent ?? legitimate,
      firstName: options.firstName ?? 'Jane',
      country: options.country,
    }),
  });
  fakes.contacts.activities.set('c_1', [
    { ...anActivity(`${interest}_x` as never, NOW.toISOString(), interest) },
  ]);
}

beforeEach(() => {
  fakes = nurtureFakes(NOW);
});

describe('nurtureLead', () => {
  it('enters the lead in its track and sends the first email at once, once', async () => {
    aLead('whitepaper');
    const first = await nurtureLead('c_1', fakes.deps);
    const again = await nurtureLead('c_1', fakes.deps);
    expect(first).toMatchObject({
      enrolled: true,
      track: 'whitepaper-follow-up',
      delivery: { outcome: 'sent' },
    });
    expect(again).toEqual({ enrolled: false, reason: 'unchanged' });
    expect(fakes.mailer.sent).toHaveLength(1);
    expect(fakes.mailer.sent[0]).toMatchObject({
      to: 'jane@acme-industries.com',
      subject: 'Your white paper, and what to read next',
      tags: {
        contactId: 'c_1',
        kind: 'nurture',
        template: 'whitepaper-follow-up',
        track: 'whitepaper-follow-up',
      },
    });
    expect(fakes.store.emailsOf('c_1')).toEqual([
      expect.objectContaining({
        messageId: 'm_1',
        template: 'whitepaper-follow-up',
        outcome: 'sent',
        locale: 'en',
      }),
    ]);
  });

  it('puts RFC 8058 one-click unsubscribe headers and the person’s own links in every email', async () => {
    aLead('whitepaper');
    await nurtureLead('c_1', fakes.deps);
    const [email] = fakes.mailer.sent;
    const unsubscribe = /<(https:\/\/leads\.example\.com\/unsubscribe\?token=[\w.-]+)>/.exec(
      email?.headers?.['List-Unsubscribe'] ?? '',
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(email?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const token = new URL(unsubscribe ?? '').searchParams.get('token') ?? '';
    expect(fakes.deps.tokens.verify(token, 'manage', NOW)).toMatchObject({ ok: true, contactId: 'c_1' });
    expect(email?.text).toContain(unsubscribe);
    expect(email?.text).toContain('https://leads.example.com/preferences?token=');
  });

  it('writes in French to a contact in France', async () => {
    aLead('whitepaper', { country: 'France' });
    await nurtureLead('c_1', fakes.deps);
    expect(fakes.mailer.sent[0]?.subject).toBe('Votre livre blanc, et quoi lire ensuite');
  });

  it('moves a contact to a stronger track, but never back to a weaker one', async () => {
    aLead('newsletter');
    await nurtureLead('c_1', fakes.deps);
    fakes.setNow(days(1));
    const contact = fakes.contacts.contacts.get('c_1');
    if (contact) contact.interest = 'webinar';
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({
      enrolled: true,
      track: 'webinar-follow-up',
    });
    if (contact) contact.interest = 'newsletter';
    expect(await nurtureLead('c_1', fakes.deps)).toEqual({ enrolled: false, reason: 'unchanged' });
    expect(fakes.mailer.sent.map((email) => email.tags?.template)).toEqual([
      'newsletter-welcome',
      'webinar-registered',
    ]);
  });

  it('sends nothing to a lead without a lawful basis', async () => {
    aLead('whitepaper', { consent: { ...consent, granted: false } });
    expect(await nurtureLead('c_1', fakes.deps)).toEqual({ enrolled: false, reason: 'unchanged' });
    expect(fakes.mailer.sent).toEqual([]);
  });

  it('sends a consent-based newsletter signup only the confirmation email', async () => {
    aLead('newsletter', { consent });
    await nurtureLead('c_1', fakes.deps);
    fakes.setNow(days(10));
    await sendDueEmails(fakes.deps, { remainingTimeMs: () => 60_000 });
    expect(fakes.mailer.sent.map((email) => email.tags?.kind)).toEqual(['confirmation']);
    expect(fakes.mailer.sent[0]?.text).toMatch(/https:\/\/leads\.example\.com\/confirm\?token=/);
  });
});

describe('nurtureLead writes the nurture state once', () => {
  it('enrolls and claims the first email in one conditional write', async () => {
    aLead('whitepaper');
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({ delivery: { outcome: 'sent' } });
    expect(fakes.store.writes).toEqual([
      expect.objectContaining({
        version: 1,
        track: 'whitepaper-follow-up',
        status: 'active',
        step: 1,
        lastSentAt: NOW.toISOString(),
        dueAt: days(3).toISOString(),
      }),
    ]);
  });

  it('enrolls and records why it waits in one write (quiet hours)', async () => {
    fakes.setNow(new Date('2026-03-02T02:00:00.000Z')); // 03:00 in Paris
    aLead('whitepaper', { country: 'France' });
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({
      delivery: { outcome: 'waiting', reason: 'quiet-hours', until: '2026-03-02T07:00:00.000Z' },
    });
    expect(fakes.store.writes).toEqual([
      expect.objectContaining({ version: 1, track: 'whitepaper-follow-up', step: 0 }),
    ]);
    expect(fakes.mailer.sent).toEqual([]);
  });

  it('writes the enrollment alone, due at once, when no sending slot frees up', async () => {
    aLead('whitepaper');
    fakes.rateLimiter.slots = 0;
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({ delivery: { outcome: 'rate-limited' } });
    expect(fakes.store.writes).toEqual([
      expect.objectContaining({ track: 'whitepaper-follow-up', step: 0, dueAt: NOW.toISOString() }),
    ]);
  });

  it('sends once when two invocations enroll the same lead at the same time', async () => {
    aLead('whitepaper');
    const outcomes = await Promise.all([nurtureLead('c_1', fakes.deps), nurtureLead('c_1', fakes.deps)]);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ enrolled: true, delivery: expect.objectContaining({ outcome: 'sent' }) }),
        { enrolled: false, reason: 'unchanged' },
      ]),
    );
    expect(fakes.mailer.sent).toHaveLength(1);
    expect(fakes.store.writes).toHaveLength(1);
  });

  it('checks the guardrails before the claim: a suppressed address is neither enrolled nor mailed', async () => {
    aLead('whitepaper');
    await fakes.store.save(
      { ...(await fakes.store.load('c_1')), suppression: { reason: 'hard-bounce', at: NOW.toISOString() } },
      0,
    );
    expect(await nurtureLead('c_1', fakes.deps)).toEqual({ enrolled: false, reason: 'unchanged' });
    expect(fakes.mailer.sent).toEqual([]);
  });

  it('skips the email rather than send it twice when the invocation dies between the claim and SES', async () => {
    aLead('whitepaper');
    const died = new Error('invocation died');
    const store = fakes.store;
    const dying = {
      ...fakes.deps,
      mailer: {
        send: async () => {
          // The claim is stored; from here on, nothing more is written.
          store.save = async () => {
            throw died;
          };
          throw died;
        },
      },
    };
    await expect(nurtureLead('c_1', dying)).rejects.toBe(died);
    store.save = InMemoryNurtureStore.prototype.save.bind(store);
    // The event is delivered again, and the scheduled sender runs: the claimed step is not sent again.
    expect(await nurtureLead('c_1', fakes.deps)).toEqual({ enrolled: false, reason: 'unchanged' });
    await sendDueEmails(fakes.deps, { remainingTimeMs: () => 60_000 });
    expect(fakes.mailer.sent).toEqual([]);
    expect(await fakes.store.load('c_1')).toMatchObject({ step: 1, version: 1 });
  });
});

describe('deliverDue and sendDueEmails', () => {
  it('leave an email due when no sending slot frees up in time', async () => {
    aLead('whitepaper');
    fakes.rateLimiter.slots = 0;
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({ delivery: { outcome: 'rate-limited' } });
    fakes.rateLimiter.slots = 1;
    expect(await deliverDue('c_1', fakes.deps, { maxRateWaitMs: 0 })).toMatchObject({ outcome: 'sent' });
  });

  it('undo the claim when SES throttles, and stop the run so the rest stays due', async () => {
    aLead('whitepaper');
    fakes.mailer.throttleNext();
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({ delivery: { outcome: 'throttled' } });
    // The enrollment stays, without the claim: due at once, for the scheduled sender.
    expect(await fakes.store.load('c_1')).toMatchObject({
      track: 'whitepaper-follow-up',
      step: 0,
      dueAt: NOW.toISOString(),
      version: 2,
    });
    const summary = await sendDueEmails(fakes.deps, { remainingTimeMs: () => 60_000 });
    expect(summary).toMatchObject({ ended: 'done', outcomes: { sent: 1 } });
  });

  it('retry another SES refusal later with backoff, then give up', async () => {
    aLead('whitepaper');
    fakes.mailer.failNext = [1, 2, 3, 4, 5].map(() =>
      Object.assign(new Error('rejected'), { name: 'MessageRejected' }),
    );
    expect(await nurtureLead('c_1', fakes.deps)).toMatchObject({
      delivery: { outcome: 'failed', error: 'MessageRejected', retryAt: '2026-03-02T10:05:00.000Z' },
    });
    expect(await fakes.store.load('c_1')).toMatchObject({
      track: 'whitepaper-follow-up',
      step: 0,
      failedAttempts: 1,
      dueAt: '2026-03-02T10:05:00.000Z',
    });
    // The last retry is due at night in Paris, so it is tried the next morning.
    for (const minutes of [5, 35, 155, 1440]) {
      fakes.setNow(new Date(NOW.getTime() + minutes * 60_000));
      await deliverDue('c_1', fakes.deps, { maxRateWaitMs: 0 });
    }
    expect(await fakes.store.load('c_1')).toMatchObject({
      status: 'stopped',
      stopReason: 'delivery-failed',
      failedAttempts: 5,
    });
  });

  it('stop starting work when the invocation is nearly out of time', async () => {
    aLead('whitepaper');
    await nurtureLead('c_1', { ...fakes.deps, rateLimiter: { acquire: async () => false } });
    expect(await sendDueEmails(fakes.deps, { remainingTimeMs: () => 1_000 })).toMatchObject({
      ended: 'time',
      looked: 0,
    });
  });

  it('stop the track of a contact that no longer exists', async () => {
    aLead('whitepaper');
    await nurtureLead('c_1', { ...fakes.deps, rateLimiter: { acquire: async () => false } });
    fakes.contacts.contacts.delete('c_1');
    expect(await deliverDue('c_1', fakes.deps, { maxRateWaitMs: 0 })).toEqual({
      outcome: 'stopped',
      reason: 'contact-gone',
    });
  });
});
