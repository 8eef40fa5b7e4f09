import { beforeEach, describe, expect, it } from 'vitest';
import { notifySales } from '#shared/notify/notify-sales.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import type { OutgoingEmail } from '#shared/nurture/mailer.ts';
import { NOW } from '../../support/builders.ts';
import { COMPLETE_BANT, handOff } from '../../support/hand-off-notice.ts';
import { InMemoryNoticeLog } from '../../support/in-memory-admin-views.ts';
import { CountingRateLimiter } from '../../support/nurture-fakes.ts';

/** A 10-second invocation that started at NOW. */
const WINDOW = { endsAt: NOW.getTime() + 10_000 };
const later = (ms: number) => new Date(NOW.getTime() + ms);
const BANT = { budget: '40k', authority: 'me', need: 'x', timeline: 'Q3' };
let sent: OutgoingEmail[];
let failNext: boolean;
let notices: InMemoryNoticeLog;
let rateLimiter: CountingRateLimiter;
const recipients = notificationRecipients({
  LEADFLOW_SALES_NOTIFY: 'sales@seller.example, Lead.Desk@Seller.example',
  LEADFLOW_MARKETING_NOTIFY: 'marketing@seller.example sales@seller.example',
});
const deps = () => ({
  notices,
  rateLimiter,
  recipients,
  clock: () => NOW,
  slotWaitMs: 20_000,
  settings: { locale: 'en', timeZone: 'Europe/Paris', consoleUrl: 'https://leads.seller.example' } as const,
  mailer: {
    async send(email: OutgoingEmail) {
      if (failNext) {
        failNext = false;
        throw new Error('Throttling');
      }
      sent.push(email);
      return { messageId: `m_${sent.length}` };
    },
  },
});

describe('notificationRecipients', () => {
  it('sends reviews to sales, and prospects to sales and marketing, once each', () => {
    expect(recipients).toEqual({
      reviewRequested: ['sales@seller.example', 'lead.desk@seller.example'],
      prospectQualified: ['sales@seller.example', 'lead.desk@seller.example', 'marketing@seller.example'],
    });
    expect(notificationRecipients({})).toEqual({ reviewRequested: [], prospectQualified: [] });
  });

  it('fails at cold start on an invalid address, naming the variable', () => {
    expect(() => notificationRecipients({ LEADFLOW_MARKETING_NOTIFY: 'marketing@' })).toThrow(
      /^LEADFLOW_MARKETING_NOTIFY holds an invalid address/,
    );
  });
});

describe('notifySales', () => {
  beforeEach(() => {
    sent = [];
    failNext = false;
    notices = new InMemoryNoticeLog();
    rateLimiter = new CountingRateLimiter();
  });

  it('tells sales a lead waits for review: who, why now, the explained score and buttons to decide', async () => {
    const notice = await handOff('Lead Review Requested');
    expect(await notifySales(notice, deps(), WINDOW)).toEqual({ sent: 2, alreadySent: 0 });
    expect(sent.map((email) => email.to)).toEqual(recipients.reviewRequested);
    const [email] = sent;
    const { contactId } = notice.detail.contact;
    expect(email?.subject).toMatch(
      /^Review requested: Ada \(Lovelace <Analytics>\) — score \d+(\.\d)?, grade B$/,
    );
    // What triggered it, in the team's time zone (NOW is 10:00 UTC, 11:00 in Paris in winter).
    expect(email?.text).toMatch(/Why now: Demo request on \d+ \w+ \d{4}, 11:00, through website form\./);
    expect(email?.text).toContain('Asked to talk to the team; qualification not complete.');
    expect(email?.text).toMatch(/\n {2}\+\d+(\.\d)? {2}\S/);
    expect(email?.text).toContain(
      `Accept: https://leads.seller.example/#/contacts/${contactId}?decide=accept`,
    );
    expect(email?.text).toContain(`https://leads.seller.example/#/contacts/${contactId}?decide=disqualify`);
    // Handlebars escapes `=` in attributes as an entity, which the browser decodes.
    expect(email?.html).toContain(
      `href="https://leads.seller.example/#/contacts/${contactId}?decide&#x3D;reject"`,
    );
    // Nothing a rep cannot use: no API call, no idempotency key, no rule ids.
    for (const part of [email?.text, email?.html]) {
      expect(part).not.toMatch(/POST|\/admin\/|idempoten|engagement\.demo_request/);
    }
    // The html part escapes what people typed.
    expect(email?.html).toContain('Lovelace &lt;Analytics&gt;');
    expect(email?.html).not.toContain('Lovelace <Analytics>');
  });

  it('tells sales and marketing of a qualified prospect, with its answers and a button to it', async () => {
    const notice = await handOff('Prospect Qualified', COMPLETE_BANT);
    await notifySales(notice, deps(), WINDOW);
    expect(sent.map((email) => email.to)).toEqual(recipients.prospectQualified);
    expect(sent[0]?.subject).toMatch(/^Prospect qualified: Ada/);
    expect(sent[0]?.text).toContain('New prospect, qualified automatically');
    expect(sent[0]?.text).toContain('Answers: Budget: 40k · Decision maker: me · Need: x · Timeline: Q3');
    expect(sent[0]?.text).toContain(
      `Open Ada in leadflow: https://leads.seller.example/#/contacts/${notice.detail.contact.contactId}`,
    );
    if (notice.kind !== 'prospect-qualified') throw new Error('unreachable');
    expect(sent[0]?.text).not.toContain(notice.detail.qualificationId);
  });

  it('writes in the team language, and leaves the buttons out when the console address is unknown', async () => {
    const notice = await handOff('Lead Review Requested');
    await notifySales(notice, { ...deps(), settings: { locale: 'fr', timeZone: 'UTC' } }, WINDOW);
    const [email] = sent;
    expect(email?.subject).toMatch(/^Revue demandée : Ada \(Lovelace <Analytics>\) — score [\d,]+, note B$/);
    expect(email?.text).toMatch(
      /Pourquoi maintenant : Demande de démo le .+ 10:00, via formulaire du site\./,
    );
    expect(email?.html).toContain('lang="fr"');
    expect(email?.text).not.toContain('#/contacts/');
    expect(email?.html).not.toContain('Accepter');
  });

  it('emails each person once when the event is delivered again, and retries only what failed', async () => {
    const notice = await handOff('Lead Review Requested');
    failNext = true;
    await expect(notifySales(notice, deps(), WINDOW)).rejects.toThrow('Throttling');
    expect(await notifySales(notice, deps(), WINDOW)).toEqual({ sent: 2, alreadySent: 0 });
    expect(await notifySales(notice, deps(), WINDOW)).toEqual({ sent: 0, alreadySent: 2 });
    expect(sent).toHaveLength(2);
  });

  it('takes a slot of the shared send rate for each email, and sends nothing it has no slot for', async () => {
    const notice = await handOff('Lead Review Requested');
    rateLimiter.slots = 1;
    await expect(notifySales(notice, deps(), WINDOW)).rejects.toThrow('No sending slot');
    expect(sent).toHaveLength(1);
    expect(rateLimiter.taken).toBe(1);

    // The retry of the event sends only the one that had no slot.
    rateLimiter.slots = Number.POSITIVE_INFINITY;
    expect(await notifySales(notice, deps(), WINDOW)).toEqual({ sent: 1, alreadySent: 1 });
    expect(sent.map((email) => email.to)).toEqual(recipients.reviewRequested);
  });

  it('a notification whose invocation was killed mid-send is sent by a retry once its lease passed, once', async () => {
    const notice = await handOff('Lead Review Requested');
    // Killed while SES was sending to the first person: the claim is neither confirmed nor released.
    void notifySales(notice, { ...deps(), mailer: { send: () => new Promise<never>(() => {}) } }, WINDOW);
    await new Promise((resolve) => setTimeout(resolve, 10));

    // A redelivery while the claim's lease holds leaves the first person to the (maybe live) invocation…
    const soon = { ...deps(), clock: () => later(5_000) };
    expect(await notifySales(notice, soon, { endsAt: later(15_000).getTime() })).toEqual({
      sent: 1,
      alreadySent: 1,
    });
    // …the retry after the lease sends it, and nothing is ever sent twice.
    const retry = { ...deps(), clock: () => later(60_000) };
    expect(await notifySales(notice, retry, { endsAt: later(70_000).getTime() })).toEqual({
      sent: 1,
      alreadySent: 1,
    });
    expect(await notifySales(notice, retry, { endsAt: later(70_000).getTime() })).toEqual({
      sent: 0,
      alreadySent: 2,
    });
    expect(sent.map((email) => email.to).sort()).toEqual([...recipients.reviewRequested].sort());
  });

  it('never waits for a slot past its invocation window, whatever the declared wait', async () => {
    const notice = await handOff('Prospect Qualified', BANT);
    await notifySales(notice, { ...deps(), slotWaitMs: 60_000 }, WINDOW);
    expect(rateLimiter.waits).toHaveLength(3);
    for (const wait of rateLimiter.waits) expect(wait).toBeLessThanOrEqual(7_000);
  });
});
