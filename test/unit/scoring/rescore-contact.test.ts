import { beforeEach, describe, expect, it } from 'vitest';
import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { EventPublisher, OutgoingEvent } from '#shared/activity/event-publisher.ts';
import { EventPublishError } from '#shared/adapters/event-publisher.ts';
import type { QualificationAnswers } from '#shared/contact/contact.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { ContactErasedError, ContactNotFoundError, rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { daysBefore, NOW } from '../../support/builders.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
let now: Date;
const deps = (publisher: EventPublisher = events) => ({
  contacts,
  events: publisher,
  clock: () => now,
  model: defaultScoringModel,
});

async function submit(
  email: string,
  formType: FormType,
  answers: QualificationAnswers = {},
  deliveryId = formType,
) {
  const { contactId } = await recordFormSubmission(
    {
      source: 'generic',
      deliveryId: `${email}-${deliveryId}`,
      email,
      submission: { email, formType, answers, company: 'Acme' },
    },
    deps(),
  );
  return contactId;
}

/** A bus that refuses the next `failures` puts, as PutEvents does when entries keep failing. */
function flakyBus(failures: number): EventPublisher {
  let left = failures;
  return {
    async publish(outgoingEvents: readonly OutgoingEvent[]) {
      if (left > 0) {
        left -= 1;
        throw new EventPublishError('1 of 2 events could not be put on the bus (InternalFailure).');
      }
      await events.publish(outgoingEvents);
    },
  };
}

/** Breaks the stored address the way an older, looser intake could have stored it. */
function contactsWithUnsendableAddress(contactId: string): string {
  const contact = contacts.contacts.get(contactId);
  const broken = 'jane doe@acme-industries.com';
  if (contact) contacts.contacts.set(contactId, { ...contact, email: broken });
  return broken;
}

const bant = { budget: '50k', authority: 'CMO', need: 'scoring', timeline: 'Q3' };

describe('rescoreContact', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
    now = NOW;
  });

  it('keeps a newsletter reader a lead, says so with the breakdown, and schedules the decay re-score', async () => {
    const contactId = await submit('jane@acme-industries.com', 'newsletter');
    const outcome = await rescoreContact(contactId, deps());
    expect(outcome).toMatchObject({ stage: 'lead', qualified: false, reviewRequested: false });
    expect(events.ofType('Contact Scored')).toEqual([
      expect.objectContaining({
        contactId,
        stage: 'lead',
        previousStage: 'lead',
        interest: 'newsletter',
        grade: 'C',
        breakdown: expect.arrayContaining([
          expect.objectContaining({ rule: 'engagement.newsletter_signup' }),
        ]),
        stageReason: expect.stringMatching(/below review threshold/),
      }),
    ]);
    expect(events.ofType('Prospect Qualified')).toEqual([]);
    expect(contacts.rescoreDueAt.get(contactId)).toBe(
      daysBefore(NOW, -defaultScoringModel.rescore.everyDays),
    );
  });

  it('says on "Contact Scored" whether it is the contact’s first score, and when the contact was created', async () => {
    const contactId = await submit('jane@acme-industries.com', 'newsletter');
    const createdAt = (await contacts.load(contactId))?.contact.createdAt;
    await rescoreContact(contactId, deps());
    await rescoreContact(contactId, deps());
    expect(events.ofType('Contact Scored')).toEqual([
      expect.objectContaining({ firstScore: true, contactCreatedAt: createdAt }),
      expect.objectContaining({ firstScore: false, contactCreatedAt: createdAt }),
    ]);
    expect(createdAt).toBe(NOW.toISOString());
  });

  it('qualifies a demo request with BANT from a business email, with one Prospect Qualified', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', bant);
    await rescoreContact(contactId, deps());
    await rescoreContact(contactId, deps());
    const qualified = events.ofType('Prospect Qualified');
    expect(qualified).toHaveLength(1);
    expect(qualified[0]).toMatchObject({
      qualifiedBy: { kind: 'auto' },
      reason: 'asked to talk to the team with BANT complete',
      contact: { contactId, email: 'jane@acme-industries.com' },
      answers: bant,
      activitySummary: { count: 1, byType: { demo_request: 1 } },
      score: { knownAnswers: ['budget', 'authority', 'need', 'timeline'], handRaiser: true },
    });
    expect(contacts.transitions).toEqual([
      expect.objectContaining({ from: 'lead', to: 'prospect', by: 'scorer' }),
    ]);
    const { qualification } = contacts.contacts.get(contactId) ?? {};
    expect(qualification?.qualificationId).toMatch(/^q_/);
    expect(qualification?.announcedAt).toBe(NOW.toISOString());
    expect(contacts.rescoreDueAt.has(contactId)).toBe(false);
  });

  it('sends a demo request without answers to review, with one Lead Review Requested', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo');
    expect((await rescoreContact(contactId, deps())).stage).toBe('review');
    await rescoreContact(contactId, deps());
    expect(events.ofType('Prospect Qualified')).toEqual([]);
    const requested = events.ofType('Lead Review Requested') as { reviewRequestId: string }[];
    expect(requested).toEqual([
      expect.objectContaining({
        reason: 'asked to talk to the team; qualification not complete',
        contact: expect.objectContaining({ contactId }),
        score: expect.objectContaining({ handRaiser: true }),
      }),
    ]);
    expect(contacts.contacts.get(contactId)?.review).toEqual({
      reviewRequestId: requested[0]?.reviewRequestId,
      requestedAt: NOW.toISOString(),
      reason: 'asked to talk to the team; qualification not complete',
      announcedAt: NOW.toISOString(),
    });
  });

  it('qualifies exactly once when concurrent scorers race on one contact', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', bant);
    await Promise.all(Array.from({ length: 5 }, () => rescoreContact(contactId, deps())));
    expect(events.ofType('Prospect Qualified')).toHaveLength(1);
    expect(contacts.transitions.filter((transition) => transition.to === 'prospect')).toHaveLength(1);
  });

  it('re-announces a qualification whose put failed after the write, with the same key', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', bant);
    await expect(rescoreContact(contactId, deps(flakyBus(1)))).rejects.toThrow(/could not be put/);
    const saved = contacts.contacts.get(contactId)?.qualification;
    expect(saved).toMatchObject({ qualificationId: expect.stringMatching(/^q_/) });
    expect(saved?.announcedAt).toBeUndefined();
    // On the schedule, so the sweep finds it even if nothing else happens to this contact.
    expect(contacts.rescoreDueAt.get(contactId)).toBe(new Date(NOW.getTime() + 60_000).toISOString());

    // An immediate retry (a concurrent writer, most likely) leaves it to its owner…
    await rescoreContact(contactId, deps());
    expect(events.ofType('Prospect Qualified')).toEqual([]);
    // …and once the wait is over, it is announced with the key that was saved.
    now = new Date(NOW.getTime() + 61_000);
    await rescoreContact(contactId, deps());
    expect(events.ofType('Prospect Qualified')).toEqual([
      expect.objectContaining({ qualificationId: saved?.qualificationId, qualifiedAt: NOW.toISOString() }),
    ]);
    expect(contacts.contacts.get(contactId)?.qualification?.announcedAt).toBe(now.toISOString());
    await rescoreContact(contactId, deps());
    expect(events.ofType('Prospect Qualified')).toHaveLength(1);
  });

  it('never goes silent: each failed announcement is kept with its cause, retried later, then dead-lettered', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', bant);
    const alwaysFailing = flakyBus(Number.POSITIVE_INFINITY);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await expect(rescoreContact(contactId, deps(alwaysFailing))).rejects.toThrow(/could not be put/);
      const due = Date.parse(contacts.rescoreDueAt.get(contactId) ?? '');
      delays.push((due - now.getTime()) / 60_000);
      now = new Date(due);
    }
    // 1, 4, 16, 64 minutes, then every 6 hours once dead-lettered.
    expect(delays).toEqual([1, 4, 16, 64, 360, 360]);
    const qualification = contacts.contacts.get(contactId)?.qualification;
    expect(qualification).toMatchObject({
      announceAttempts: 6,
      lastAnnounceFailure: { reason: '1 of 2 events could not be put on the bus (InternalFailure).' },
      deadLetteredAt: expect.any(String),
    });
    expect(qualification?.announcedAt).toBeUndefined();

    // Once the cause is fixed, the next try puts it, with the key saved at the start.
    await rescoreContact(contactId, deps());
    expect(events.ofType('Prospect Qualified')).toEqual([
      expect.objectContaining({ qualificationId: qualification?.qualificationId }),
    ]);
    expect(contacts.contacts.get(contactId)?.qualification?.announcedAt).toBe(now.toISOString());
  });

  it('says which field an event contract refused, without the value (it is personal data)', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', bant);
    const contract = contactsWithUnsendableAddress(contactId);
    await expect(rescoreContact(contactId, deps())).rejects.toThrow();
    const failure = contacts.contacts.get(contactId)?.qualification?.lastAnnounceFailure;
    expect(failure?.reason).toBe('the event contract refused the detail at contact.email');
    expect(failure?.reason).not.toContain(contract);
  });

  it('stores the score with its breakdown and model version', async () => {
    const contactId = await submit('jane@gmail.com', 'whitepaper');
    await rescoreContact(contactId, deps());
    const { score } = contacts.contacts.get(contactId) ?? {};
    expect(score?.modelVersion).toBe(defaultScoringModel.version);
    expect(score?.breakdown.map((line) => line.rule)).toEqual([
      'fit.freeMail',
      'fit.companyKnown',
      'engagement.whitepaper_download',
    ]);
  });

  it('disqualifies a competitor and records why', async () => {
    const contactId = await submit('spy@hubspot.com', 'demo', bant);
    expect((await rescoreContact(contactId, deps())).stage).toBe('disqualified');
    expect(contacts.transitions).toEqual([
      expect.objectContaining({
        to: 'disqualified',
        reason: 'disqualified by rule fit.competitor: competitor domain hubspot.com',
      }),
    ]);
    expect(events.ofType('Prospect Qualified')).toEqual([]);
    expect(events.ofType('Lead Review Requested')).toEqual([]);
  });

  it('fails clearly for a contact that was never recorded (a producer bug, worth a dead letter)', async () => {
    await expect(rescoreContact('c_missing', deps())).rejects.toThrow(ContactNotFoundError);
    await expect(rescoreContact('c_missing', deps())).rejects.toThrow(/does not exist/);
  });

  it('says the contact was erased when an event raced its erasure, and writes and puts nothing', async () => {
    contacts.erasures.set('c_erased', '2026-03-01T10:00:00.000Z');
    await expect(rescoreContact('c_erased', deps())).rejects.toThrow(ContactErasedError);
    expect(events.published).toEqual([]);
  });
});
