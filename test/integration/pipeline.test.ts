import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sesAccountAnswer } from '#infra/local/ses/ses-local.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import { startWithClock, stopWithClock } from '../support/nurture-pipeline.ts';

const answers = {
  budget: '40k€ this year',
  authority: 'I sign',
  need: 'qualify inbound leads',
  timeline: 'next quarter',
};
const consent = { granted: true, purpose: 'newsletter' };

let pipeline: LocalPipeline;

beforeAll(async () => {
  // Nurture email waits for daytime in the contact's time zone: run on a Monday morning in Paris.
  // The frozen clock never reaches the next second of the send rate (the account's, as GetAccount
  // answers it), and a prospect's owner is emailed too, so the rate leaves room for every email.
  pipeline = await startWithClock(new Date('2026-03-02T09:00:00.000Z'), {
    AWS_SES_ACCOUNT: sesAccountAnswer({ max24HourSend: 50_000, maxSendRate: 50 }),
  });
});

afterAll(() => stopWithClock(pipeline));

describe('the lead-to-prospect pipeline on the local runtime', () => {
  it('turns a signed demo request with all four answers into exactly one Prospect Qualified', async () => {
    const email = 'ada@lovelace-analytics.com';
    const response = await pipeline.postForm({
      email,
      formType: 'demo',
      firstName: 'Ada',
      company: 'Lovelace Analytics',
      jobTitle: 'Head of Sales',
      answers,
      consent,
    });
    expect(response.status).toBe(202);
    await pipeline.settled();

    const qualified = (await pipeline.events('Prospect Qualified')).filter(
      (event) => event.detail.contact.email === email,
    );
    expect(qualified).toHaveLength(1);
    expect(qualified[0]?.source).toBe('leadflow');
    expect(qualified[0]?.detail).toMatchObject({
      qualifiedBy: { kind: 'auto' },
      contact: { contactId: response.body.contactId, firstName: 'Ada', company: 'Lovelace Analytics' },
      answers,
      score: { handRaiser: true, businessEmail: true, modelVersion: defaultScoringModel.version },
    });
    const [profile] = (await pipeline.contactItems(response.body.contactId)).filter(
      (item) => item.sk === 'PROFILE',
    );
    expect(profile?.stage).toBe('prospect');
    expect(await pipeline.emailsTo(email)).toEqual([]);
  });

  it('asks a consent-based newsletter signup to confirm, sends nothing else, and no Prospect Qualified', async () => {
    const email = 'grace@hopper-systems.io';
    const response = await pipeline.postForm({ email, formType: 'newsletter', firstName: 'Grace', consent });
    expect(response.status).toBe(202);
    await pipeline.settled();

    const mails = await pipeline.emailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Please confirm your subscription');
    expect(mails[0]?.body.text).toContain('Hello Grace');
    const contactId = contactIdFor(email);
    expect(
      (await pipeline.events('Prospect Qualified')).filter(
        (event) => event.detail.contact.contactId === contactId,
      ),
    ).toEqual([]);
    const items = await pipeline.contactItems(contactId);
    expect(items.find((item) => item.sk === 'PROFILE')).toMatchObject({ stage: 'lead' });
    expect(items.find((item) => item.sk === 'NURTURE')).toMatchObject({
      track: 'newsletter-welcome',
      step: 0,
      optIn: { status: 'pending' },
    });
    expect(items.filter((item) => String(item.sk).startsWith('EMAIL#'))).toEqual([
      expect.objectContaining({
        template: 'subscription-confirmation',
        kind: 'confirmation',
        messageId: mails[0]?.messageId,
        outcome: 'sent',
      }),
    ]);
  });

  it('records a redelivered submission once', async () => {
    const email = 'linus@torvalds-kernel.org';
    const submission = { email, formType: 'whitepaper', consent };
    const first = await pipeline.postForm(submission, { id: 'msg_redelivered' });
    const second = await pipeline.postForm(submission, { id: 'msg_redelivered' });
    await pipeline.settled();
    // The same outcome; the visitor token is a fresh credential for the same contact each time.
    expect(second).toEqual({
      status: 202,
      body: { ...first.body, duplicate: true, visitorToken: expect.any(String) },
    });
    const activities = (await pipeline.contactItems(first.body.contactId)).filter((item) =>
      String(item.sk).startsWith('ACTIVITY#'),
    );
    expect(activities).toHaveLength(1);
    expect(await pipeline.emailsTo(email)).toHaveLength(1);
  });

  it('stores nothing for a submission with a wrong signature', async () => {
    const email = 'mallory@evil-corp.com';
    const secret = `whsec_${Buffer.from('not-the-configured-secret-000000').toString('base64')}`;
    const response = await pipeline.postForm({ email, formType: 'demo', answers }, { secret });
    expect(response.status).toBe(401);
    expect(await pipeline.contactItems(contactIdFor(email))).toEqual([]);
  });

  it('loses nothing when one contact sends many signals at once, and the stored score is a fresh recomputation', async () => {
    const email = 'barbara@liskov-labs.com';
    const kinds = [
      'whitepaper',
      'webinar',
      'newsletter',
      'whitepaper',
      'webinar',
      'contact',
      'whitepaper',
      'webinar',
    ];
    const responses = await Promise.all(
      kinds.map((formType) => pipeline.postForm({ email, formType, consent })),
    );
    expect(responses.map((response) => response.status)).toEqual(kinds.map(() => 202));
    await pipeline.settled();

    const items = await pipeline.contactItems(contactIdFor(email));
    const activities = items.filter((item) => String(item.sk).startsWith('ACTIVITY#'));
    const profile = items.find((item) => item.sk === 'PROFILE');
    expect(activities).toHaveLength(kinds.length);
    expect(profile?.activityCount).toBe(kinds.length);
    const fresh = scoreContact(
      { contact: { answers: {} }, email: classifyEmail(email), activities: activities as never },
      defaultScoringModel,
      new Date(profile?.score.scoredAt),
    );
    expect(profile?.score.total).toBe(fresh.total);
  });

  it('moves a contact up the recently-updated list for what happened to it, not for a re-score', async () => {
    const start = new Date();
    const email = 'grace@hopper-compilers.com';
    const response = await pipeline.postForm({ email, formType: 'whitepaper', company: 'Hopper Compilers' });
    await pipeline.settled();
    const scored = await pipeline.profile(email);
    expect(scored?.updatedAt).toBe(scored?.createdAt);

    // Ten days on, engagement has decayed: the scheduled job re-scores the lead, which stays a lead.
    vi.setSystemTime(start.getTime() + 10 * 86_400_000);
    try {
      await pipeline.refreshStaleScores();
      await pipeline.settled();
    } finally {
      vi.setSystemTime(start);
    }
    const rescored = await pipeline.profile(email);
    expect(rescored?.contactId).toBe(response.body.contactId);
    expect(rescored?.stage).toBe('lead');
    expect(rescored?.score.scoredAt).not.toBe(scored?.score.scoredAt);
    expect(rescored?.updatedAt).toBe(scored?.updatedAt);
  });
});
