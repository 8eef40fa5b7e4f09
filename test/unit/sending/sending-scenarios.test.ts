import { beforeEach, describe, expect, it } from 'vitest';
import { parseDetail } from '#events/contract.ts';
import { sesEmailBounced, sesEmailComplaintReceived } from '#events/ses-email-events.ts';
import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { Consent } from '#shared/contact/contact.ts';
import { nurtureLead } from '#shared/nurture/nurture-lead.ts';
import { recordMailFeedback } from '#shared/nurture/record-mail-feedback.ts';
import { sendDueEmails } from '#shared/nurture/send-due-emails.ts';
import { nurtureGate } from '#shared/sending/nurture-gate.ts';
import { resumeNurture } from '#shared/sending/resume-nurture.ts';
import { marketingAlerts } from '#shared/sending/sending-alerts.ts';
import { DEFAULT_SENDING_POLICY, type SendingPolicy } from '#shared/sending/sending-policy.ts';
import { aContact, anActivity } from '../../support/builders.ts';
import { InMemoryNoticeLog } from '../../support/in-memory-admin-views.ts';
import {
  consentGiven,
  legitimateInterest,
  nurtureFakes,
  RecordingMailer,
} from '../../support/nurture-fakes.ts';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let fakes: ReturnType<typeof nurtureFakes>;
let alerts: RecordingMailer;

/** The nurture senders' gate over the fakes' ledger, breaker and account, with this policy. */
function withPolicy(changes: Partial<SendingPolicy> & { minSends?: number }) {
  const { minSends, ...rest } = changes;
  const policy: SendingPolicy = {
    ...DEFAULT_SENDING_POLICY,
    ...rest,
    breaker: { ...DEFAULT_SENDING_POLICY.breaker, ...(minSends ? { minSends } : {}) },
  };
  alerts = new RecordingMailer();
  fakes.deps = {
    ...fakes.deps,
    gate: nurtureGate({
      ledger: fakes.ledger,
      breaker: fakes.breaker,
      account: fakes.account,
      policy,
      clock: fakes.deps.clock,
      cacheMs: 0,
      alerts: marketingAlerts({
        mailer: alerts,
        notices: new InMemoryNoticeLog(),
        recipients: ['marketing@acme-analytics.test'],
      }),
    }),
  };
}

/** A lead of `interest`, entered in nurture at once (its first email goes out if allowed). */
async function aLead(
  n: number,
  interest: FormType = 'whitepaper',
  consent: Consent = legitimateInterest(NOW),
) {
  const contactId = `c_${n}`;
  fakes.contacts.contacts.set(
    contactId,
    aContact({ contactId, email: `reader${n}@acme-industries.com`, interest, consent, firstName: 'Jane' }),
  );
  fakes.contacts.activities.set(contactId, [
    { ...anActivity(`${interest}_x` as never, NOW.toISOString(), interest), contactId },
  ]);
  return { contactId, outcome: await nurtureLead(contactId, fakes.deps) };
}

const mailsTo = (n: number) =>
  fakes.mailer.sent.filter((email) => email.to === `reader${n}@acme-industries.com`);

/** SES's report of a hard bounce (or a complaint) about the email sent to lead n. */
async function feedback(n: number, kind: 'bounce' | 'complaint', at = NOW) {
  const mail = {
    timestamp: at.toISOString(),
    messageId: `m_${n}`,
    destination: [`reader${n}@acme-industries.com`],
    tags: { 'ses:configuration-set': ['leadflow-test'], contactId: [`c_${n}`] },
  };
  const deps = { ...fakes.deps, events: fakes.events, ledgerFor: () => fakes.ledger };
  if (kind === 'bounce') {
    const detail = parseDetail(sesEmailBounced, {
      source: 'aws.ses',
      'detail-type': 'Email Bounced',
      detail: {
        eventType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          bouncedRecipients: [{ emailAddress: mail.destination[0] }],
          timestamp: at.toISOString(),
        },
      },
    });
    return recordMailFeedback({ detailType: 'Email Bounced', detail }, deps);
  }
  const detail = parseDetail(sesEmailComplaintReceived, {
    source: 'aws.ses',
    'detail-type': 'Email Complaint Received',
    detail: {
      eventType: 'Complaint',
      mail,
      complaint: {
        complainedRecipients: [{ emailAddress: mail.destination[0] }],
        timestamp: at.toISOString(),
      },
    },
  });
  return recordMailFeedback({ detailType: 'Email Complaint Received', detail }, deps);
}

const run = () => sendDueEmails(fakes.deps, { remainingTimeMs: () => 60_000 });

beforeEach(() => {
  fakes = nurtureFakes(NOW);
});

describe('the reputation breaker', () => {
  it('pauses nurture by itself when hard bounces cross the threshold, and not confirmations', async () => {
    withPolicy({ minSends: 20 });
    for (let n = 1; n <= 40; n += 1) await aLead(n);
    await feedback(3, 'bounce');
    // SES and EventBridge may deliver an event more than once: it counts once.
    await feedback(3, 'bounce');
    expect((await fakes.ledger.totals(minutes(-60), NOW)).bounces).toBe(1);
    // 1 in 40 (2.5 %) is below the 4 % threshold.
    expect((await aLead(41)).outcome).toMatchObject({ delivery: { outcome: 'sent' } });

    await feedback(7, 'bounce');
    const held = await aLead(42);
    expect(held.outcome).toMatchObject({
      delivery: { outcome: 'waiting', reason: 'reputation-pause', until: minutes(15).toISOString() },
    });
    expect(mailsTo(42)).toEqual([]);
    expect(fakes.breaker.state).toMatchObject({
      status: 'open',
      reason: 'bounces',
      figures: { sends: 41, bounces: 2, bounceRate: 2 / 41 },
    });

    // A double opt-in confirmation is mail the person just asked for: it goes out.
    await aLead(43, 'newsletter', consentGiven(NOW));
    expect(mailsTo(43).map((email) => email.tags?.kind)).toEqual(['confirmation']);

    // Marketing hears once, with the figures, however many senders notice.
    await aLead(44);
    expect(alerts.sent).toHaveLength(1);
    expect(alerts.sent[0]?.text).toContain('41 sent, 2 hard bounces (4.88 %)');
  });

  it('pauses on complaints too, which weigh far more than bounces', async () => {
    withPolicy({ minSends: 20 });
    for (let n = 1; n <= 20; n += 1) await aLead(n);
    await feedback(5, 'complaint');
    expect((await aLead(21)).outcome).toMatchObject({ delivery: { reason: 'reputation-pause' } });
    expect(fakes.breaker.state).toMatchObject({ status: 'open', reason: 'complaints' });
  });

  it('needs its minimum sample: one bounce among a handful of emails stops nothing', async () => {
    withPolicy({ minSends: 20 });
    for (let n = 1; n <= 5; n += 1) await aLead(n);
    await feedback(1, 'bounce');
    await feedback(2, 'bounce');
    expect((await aLead(6)).outcome).toMatchObject({ delivery: { outcome: 'sent' } });
    expect(fakes.breaker.state.status).toBe('closed');
  });

  it('stays paused until a person resumes; the held emails then go out, none dropped', async () => {
    withPolicy({ minSends: 10 });
    for (let n = 1; n <= 10; n += 1) await aLead(n);
    await feedback(1, 'bounce');
    await aLead(11);
    expect(mailsTo(11)).toEqual([]);

    // Hours later, with no new bounce, it is still paused: only a person closes it.
    fakes.setNow(minutes(120));
    await run();
    expect(mailsTo(11)).toEqual([]);

    await resumeNurture(
      { by: 'ops@acme-analytics.test', note: 'Imported list removed.' },
      { breaker: fakes.breaker, clock: fakes.deps.clock },
    );
    expect(fakes.breaker.state).toMatchObject({ status: 'closed', resumedBy: 'ops@acme-analytics.test' });
    fakes.setNow(minutes(136));
    await run();
    expect(mailsTo(11).map((email) => email.tags?.template)).toEqual(['whitepaper-follow-up']);
    // The bounce before the resume counts no more: the next sample starts afresh.
    expect(fakes.breaker.state.status).toBe('closed');
  });
});

describe('the 24-hour quota and the warm-up', () => {
  it('holds nurture near the quota (delayed, not dropped), tells marketing, and lets confirmations through', async () => {
    withPolicy({});
    // 10 a day: nurture may use 9 of them, one stays for the mail people ask for.
    fakes.account.current = { max24HourSend: 10, maxSendRate: 1, sentLast24Hours: 0 };
    for (let n = 1; n <= 9; n += 1) await aLead(n);
    const held = await aLead(10);
    expect(held.outcome).toMatchObject({
      delivery: { outcome: 'waiting', reason: 'send-quota', until: minutes(30).toISOString() },
    });
    await aLead(11, 'newsletter', consentGiven(NOW));
    expect(mailsTo(11).map((email) => email.tags?.kind)).toEqual(['confirmation']);
    expect(alerts.sent.map((email) => email.subject)).toEqual([
      "leadflow is holding nurture email: nurture's share of the SES 24-hour quota is reached",
    ]);

    fakes.setNow(minutes(30));
    await run();
    expect(mailsTo(10)).toEqual([]);
    // A day later the rolling 24 hours have room again, and the held email goes out.
    fakes.setNow(minutes(25 * 60));
    await run();
    expect(mailsTo(10).map((email) => email.tags?.template)).toEqual(['whitepaper-follow-up']);
  });

  it("takes SES's own count when it is higher than leadflow's", async () => {
    withPolicy({});
    fakes.account.current = { max24HourSend: 100, maxSendRate: 1, sentLast24Hours: 95 };
    expect((await aLead(1)).outcome).toMatchObject({ delivery: { reason: 'send-quota' } });
  });

  it("caps nurture at the warm-up schedule's daily figure on a new domain", async () => {
    withPolicy({ warmUp: { startsOn: '2026-03-02', dailyCaps: [3, 6] } });
    for (let n = 1; n <= 3; n += 1) await aLead(n);
    expect((await aLead(4)).outcome).toMatchObject({ delivery: { reason: 'warm-up-cap' } });
    expect(alerts.sent[0]?.subject).toBe("leadflow is holding nurture email: today's warm-up cap is reached");
  });
});
