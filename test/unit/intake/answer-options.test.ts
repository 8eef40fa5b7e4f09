import { beforeEach, describe, expect, it } from 'vitest';
import { formSubmissionSchema } from '#shared/intake/form-submission.ts';
import { parseFormsConfig } from '#shared/intake/forms-config.ts';
import { draftSubmission, type SubmittedField } from '#shared/intake/mapping/submission-draft.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';

const config = parseFormsConfig({
  html: { forms: {} },
  tally: {
    defaultFormType: 'demo',
    forms: {
      'demo-form': {
        answerOptions: {
          budget: { 'Under 5k': 'disqualifying', '5k to 50k': 'qualifying', 'Not sure yet': 'unknown' },
          timeline: { 'This quarter': 'qualifying', 'No project planned': 'disqualifying' },
        },
      },
    },
  },
});

const field = (name: string, value: string): SubmittedField => ({ names: [name], value });
const demoForm = (budget: string, timeline = 'This quarter') =>
  formSubmissionSchema.parse(
    draftSubmission(
      [
        field('email', 'ines@orbit-saas.io'),
        field('company', 'Orbit'),
        field('job title', 'Director of Operations'),
        field('budget', budget),
        field('authority', 'I sign'),
        field('need', 'qualify inbound leads'),
        field('timeline', timeline),
      ],
      { form: config.tally.forms['demo-form'], defaultFormType: 'demo' },
    ),
  );

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
const deps = () => ({ contacts, events, clock: () => NOW, model: defaultScoringModel });

async function submitAndScore(budget: string, deliveryId: string, timeline?: string) {
  const submission = demoForm(budget, timeline);
  const { contactId } = await recordFormSubmission(
    { source: 'tally', deliveryId, email: submission.email, submission },
    deps(),
  );
  await rescoreContact(contactId, deps());
  return contacts.contacts.get(contactId);
}

describe('picklist answers mapped per form (answerOptions)', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    events = new RecordingPublisher();
  });

  it('maps each option to its reading, case and spaces aside, and leaves other answers to the model', () => {
    expect(demoForm(' under 5K ').answerReadings).toEqual({
      budget: 'disqualifying',
      timeline: 'qualifying',
    });
    expect(demoForm('40k, approved').answerReadings).toEqual({ timeline: 'qualifying' });
  });

  it('a disqualifying option keeps the contact from sales, with its own line; a qualifying one qualifies', async () => {
    const negative = await submitAndScore('Under 5k', 'd1');
    expect(negative?.stage).toBe('review');
    expect(negative?.score?.breakdown).toContainEqual(
      expect.objectContaining({ rule: 'qualification.budget.negative', points: -10 }),
    );
    expect(events.ofType('Prospect Qualified')).toEqual([]);

    contacts = new InMemoryContactRepository();
    expect((await submitAndScore('5k to 50k', 'd2'))?.stage).toBe('prospect');
  });

  it('an "unknown" option is not a known answer; a later free-text answer drops the old reading', async () => {
    const unsure = await submitAndScore('Not sure yet', 'd3', 'No project planned');
    expect(unsure?.score).toMatchObject({
      knownAnswers: ['authority', 'need', 'timeline'],
      negativeAnswers: ['timeline'],
    });
    const later = await submitAndScore('40k, approved', 'd4', 'This quarter');
    expect(later?.answerReadings).toEqual({ timeline: 'qualifying' });
    expect(later?.score?.negativeAnswers).toEqual([]);
  });
});
