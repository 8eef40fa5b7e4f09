import { beforeEach, describe, expect, it } from 'vitest';
import { parseRecipients, sendDailyDigest } from '#shared/digest/send-daily-digest.ts';
import { aContact } from '../../support/builders.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { InMemoryDigestStore } from '../../support/in-memory-digest-store.ts';
import { CountingRateLimiter, RecordingMailer } from '../../support/nurture-fakes.ts';

const MORNING = new Date('2026-03-03T07:00:00.000Z');
/** A 10-second run that started at MORNING. */
const WINDOW = { endsAt: MORNING.getTime() + 10_000 };
let digests: InMemoryDigestStore;
let contacts: InMemoryContactRepository;
let mailer: RecordingMailer;
const deps = (recipients = ['marketing@example.com', 'sales@example.com']) => ({
  digests,
  contacts,
  mailer,
  rateLimiter: new CountingRateLimiter(),
  clock: () => MORNING,
  slotWaitMs: 20_000,
  recipients,
});

beforeEach(async () => {
  digests = new InMemoryDigestStore();
  contacts = new InMemoryContactRepository();
  mailer = new RecordingMailer();
  contacts.contacts.set(
    'c_lead',
    aContact({ contactId: 'c_lead', firstName: 'Jane', company: 'Acme', interest: 'webinar' }),
  );
  await digests.addLead('2026-03-02', 'c_lead');
  await digests.addProspect('2026-03-02', {
    contactId: 'c_pro',
    name: 'Ada Lovelace',
    company: 'Lovelace Analytics',
    email: 'ada@lovelace-analytics.com',
    score: 82,
    qualifiedBy: 'automatically',
    at: '2026-03-02T11:00:00.000Z',
  });
});

describe('sendDailyDigest', () => {
  it("sends yesterday's new prospects and leads to every recipient, once", async () => {
    expect(await sendDailyDigest(deps(), WINDOW)).toEqual({
      sent: true,
      day: '2026-03-02',
      leads: 1,
      prospects: 1,
      recipients: 2,
    });
    expect(await sendDailyDigest(deps(), WINDOW)).toEqual({
      sent: false,
      day: '2026-03-02',
      reason: 'already-sent',
    });
    expect(mailer.sent.map((email) => email.to)).toEqual(['marketing@example.com', 'sales@example.com']);
    const [email] = mailer.sent;
    expect(email?.subject).toBe('leadflow daily digest for 2026-03-02: 1 new prospects, 1 new leads');
    expect(email?.text).toContain(
      '- Ada Lovelace (Lovelace Analytics) <ada@lovelace-analytics.com>, score 82',
    );
    expect(email?.text).toContain('- Jane (Acme) <jane@acme-industries.com>');
    expect(email?.tags).toEqual({ kind: 'internal', template: 'daily-digest' });
  });

  it('sends nothing on a quiet day or without recipients', async () => {
    expect(
      await sendDailyDigest({ ...deps(), clock: () => new Date('2026-03-10T07:00:00.000Z') }, WINDOW),
    ).toMatchObject({
      sent: false,
      reason: 'nothing-new',
    });
    expect(await sendDailyDigest(deps([]), WINDOW)).toMatchObject({ sent: false, reason: 'no-recipients' });
    expect(mailer.sent).toEqual([]);
  });

  it('releases the day when SES refuses, so the retry sends it', async () => {
    mailer.failNext = [new Error('SES is down')];
    await expect(sendDailyDigest(deps(), WINDOW)).rejects.toThrow('SES is down');
    expect(await sendDailyDigest(deps(), WINDOW)).toMatchObject({ sent: true });
  });

  it('a run killed mid-send is taken over once its lease passed, and each recipient gets one digest', async () => {
    const hung = { ...deps(), mailer: { send: () => new Promise<never>(() => {}) } };
    void sendDailyDigest(hung, WINDOW);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const retryAt = new Date(MORNING.getTime() + 5 * 60_000);
    const retry = { ...deps(), clock: () => retryAt };
    const retryWindow = { endsAt: retryAt.getTime() + 10_000 };
    expect(await sendDailyDigest(retry, retryWindow)).toMatchObject({ sent: true, recipients: 2 });
    expect(await sendDailyDigest(retry, retryWindow)).toMatchObject({ sent: false, reason: 'already-sent' });
    expect(mailer.sent.map((email) => email.to)).toEqual(['marketing@example.com', 'sales@example.com']);
  });

  it('reads recipients separated by commas or spaces, once each', () => {
    expect(parseRecipients(' a@example.com, b@example.com;a@example.com ')).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(parseRecipients(undefined)).toEqual([]);
  });
});
