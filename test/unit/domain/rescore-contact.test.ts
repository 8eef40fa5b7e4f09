import { beforeEach, describe, expect, it } from 'vitest';
import type { FormType } from '#shared/activity/activity-type.ts';
import type { QualificationAnswers } from '#shared/contact/contact.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
const deps = () => ({ contacts, events, clock: () => NOW, model: defaultScoringModel });

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
      submission: { email, formType, answers },
    },
    deps(),
  );
  return contactId;
}

const allAnswers = { budget: '50k', authority: 'CMO', need: 'scoring', timeline: 'Q3' };

describe('rescoreContact', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
  });

  it('keeps a newsletter reader a lead and says so', async () => {
    const contactId = await submit('jane@acme-industries.com', 'newsletter');
    const outcome = await rescoreContact(contactId, deps());
    expect(outcome).toMatchObject({ stage: 'lead', qualified: false });
    expect(events.ofType('Contact Scored')).toEqual([
      expect.objectContaining({ contactId, stage: 'lead', previousStage: 'lead', interest: 'newsletter' }),
    ]);
    expect(events.ofType('Prospect Qualified')).toEqual([]);
  });

  it('qualifies a demo request with all answers from a business email, with one Prospect Qualified', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', allAnswers);
    await rescoreContact(contactId, deps());
    await rescoreContact(contactId, deps());
    const qualified = events.ofType('Prospect Qualified');
    expect(qualified).toHaveLength(1);
    expect(qualified[0]).toMatchObject({
      qualifiedBy: { kind: 'auto' },
      contact: { contactId, email: 'jane@acme-industries.com' },
      answers: allAnswers,
      activitySummary: { count: 1, byType: { demo_request: 1 } },
      score: { knownAnswers: ['budget', 'authority', 'need', 'timeline'], handRaiser: true },
    });
    expect(contacts.transitions).toEqual([
      expect.objectContaining({ from: 'lead', to: 'prospect', by: 'scorer' }),
    ]);
    expect(contacts.contacts.get(contactId)?.qualification?.qualificationId).toMatch(/^q_/);
  });

  it('sends a demo request without answers to review, not to sales', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo');
    expect((await rescoreContact(contactId, deps())).stage).toBe('review');
    expect(events.ofType('Prospect Qualified')).toEqual([]);
  });

  it('qualifies exactly once when concurrent scorers race on one contact', async () => {
    const contactId = await submit('jane@acme-industries.com', 'demo', allAnswers);
    await Promise.all(Array.from({ length: 5 }, () => rescoreContact(contactId, deps())));
    expect(events.ofType('Prospect Qualified')).toHaveLength(1);
    expect(contacts.transitions.filter((transition) => transition.to === 'prospect')).toHaveLength(1);
  });

  it('stores the score with its breakdown and model version', async () => {
    const contactId = await submit('jane@gmail.com', 'whitepaper');
    await rescoreContact(contactId, deps());
    const { score } = contacts.contacts.get(contactId) ?? {};
    expect(score?.modelVersion).toBe(defaultScoringModel.version);
    expect(score?.breakdown.map((line) => line.rule)).toEqual([
      'fit.freeMail',
      'engagement.whitepaper_download',
    ]);
  });

  it('fails clearly for a contact that does not exist', async () => {
    await expect(rescoreContact('c_missing', deps())).rejects.toThrow(/does not exist/);
  });
});
