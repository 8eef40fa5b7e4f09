import { beforeEach, describe, expect, it } from 'vitest';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import type { SalesNotice } from '#shared/notify/notification-email.ts';
import { notifySales } from '#shared/notify/notify-sales.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import type { OutgoingEmail } from '#shared/nurture/mailer.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryNoticeLog } from '../../support/in-memory-admin-views.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { CountingRateLimiter } from '../../support/nurture-fakes.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

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
  baseUrl: 'https://leads.seller.example',
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

/** The hand-off event a real contact produces, as the scorer puts it. */
async function handOff(detailType: string, answers = {}): Promise<SalesNotice> {
  const contacts = new InMemoryContactRepository();
  const events = new RecordingPublisher();
  const email = 'ada@lovelace-analytics.com';
  const scoring = { contacts, events, clock: () => NOW, model: defaultScoringModel };
  const { contactId } = await recordFormSubmission(
    {
      source: 'generic',
      deliveryId: 'd1',
      email,
      submission: {
        email,
        formType: 'demo',
        firstName: 'Ada',
        company: 'Lovelace <Analytics>',
        jobTitle: 'CTO',
        answers,
      },
    },
    scoring,
  );
  await rescoreContact(contactId, scoring);
  const detail = events.ofType(detailType)[0] as never;
  return detailType === 'Prospect Qualified'
    ? { kind: 'prospect-qualified', detail }
    : { kind: 'review-requested', detail };
}

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

  it('tells sales a lead waits for review, with the explained score and where to decide', async () => {
    const notice = await handOff('Lead Review Requested');
    expect(await notifySales(notice, deps(), WINDOW)).toEqual({ sent: 2, alreadySent: 0 });
    expect(sent.map((email) => email.to)).toEqual(recipients.reviewRequested);
    const [email] = sent;
    expect(email?.subject).toMatch(
      /^Review requested: Ada \(Lovelace <Analytics>\) — score \d+(\.\d)?, grade B$/,
    );
    expect(email?.text).toContain(
      'A lead is waiting for your review: asked to talk to the team; qualification not complete.',
    );
    expect(email?.text).toContain('(engagement.demo_request)');
    expect(email?.text).toContain(
      `POST https://leads.seller.example/admin/reviews/${notice.detail.contact.contactId}`,
    );
    expect(email?.text).toContain('/admin/contacts?email=ada%40lovelace-analytics.com');
    // The html part escapes what people typed.
    expect(email?.html).toContain('Lovelace &lt;Analytics&gt;');
    expect(email?.html).not.toContain('Lovelace <Analytics>');
  });

  it('tells sales and marketing of a qualified prospect, with the hand-off key', async () => {
    const notice = await handOff('Prospect Qualified', BANT);
    await notifySales(notice, deps(), WINDOW);
    expect(sent.map((email) => email.to)).toEqual(recipients.prospectQualified);
    expect(sent[0]?.subject).toMatch(/^Prospect qualified: Ada/);
    expect(sent[0]?.text).toContain('A new prospect was handed to sales (qualified automatically)');
    expect(sent[0]?.text).toContain('Answers: budget: 40k; authority: me; need: x; timeline: Q3');
    if (notice.kind !== 'prospect-qualified') throw new Error('unreachable');
    expect(sent[0]?.text).toContain(notice.detail.qualificationId);
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
