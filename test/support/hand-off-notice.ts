import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import type { SalesNotice } from '#shared/notify/notification-content.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { NOW } from './builders.ts';
import { InMemoryContactRepository } from './in-memory-contact-repository.ts';
import { RecordingPublisher } from './recording-publisher.ts';

/** Short BANT answers that qualify a demo request automatically. */
export const COMPLETE_BANT = { budget: '40k', authority: 'me', need: 'x', timeline: 'Q3' };

/** The hand-off event a real contact produces, as the scorer puts it. */
export async function handOff(detailType: string, answers = {}): Promise<SalesNotice> {
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
