import { beforeEach, describe, expect, it } from 'vitest';
import { EventContractError } from '#events/contract.ts';
import { createDealRecorderHandler } from '#functions/deal-recorder/deal-recorder.ts';
import { fixedConfig } from '#shared/config/config-reader.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { NOW } from '../../support/builders.ts';
import { deliveredEvent } from '../../support/engagement-events.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { submitAndScore } from '../../support/scored-submission.ts';
import { lambdaContext } from '../../support/signed-request.ts';

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
const deps = () => ({ contacts, events, clock: () => NOW, model: fixedConfig(defaultScoringModel) });

const won = (email: string, dealId = 'deal-42') => ({
  version: 1,
  crm: 'hubspot',
  dealId,
  wonAt: '2026-03-02T09:30:00Z',
  dealName: 'Annual plan',
  contact: { email },
});

const deliver = (detail: unknown) =>
  createDealRecorderHandler(deps())(deliveredEvent('Deal Won', detail) as never, lambdaContext);

/** A contact the pipeline knows: a demo request with BANT answers, scored to prospect. */
function aProspect(email: string): Promise<string> {
  const answers = { budget: '40k', authority: 'me', need: 'scoring', timeline: 'Q3' };
  const submission = { email, formType: 'demo', answers, company: 'Acme', jobTitle: 'CMO' } as const;
  return submitAndScore(submission, { ...deps(), model: defaultScoringModel }, `${email}-demo`);
}

beforeEach(() => {
  contacts = new InMemoryContactRepository();
  events = new RecordingPublisher();
});

describe('deal recorder', () => {
  it('makes the contact of a won deal a customer, decided by the CRM, with the deal in the reason', async () => {
    const contactId = await aProspect('jane@acme-industries.com');
    expect(contacts.contacts.get(contactId)?.stage).toBe('prospect');

    await deliver(won('Jane@Acme-Industries.com '));
    expect(contacts.contacts.get(contactId)?.stage).toBe('customer');
    expect(contacts.transitions.at(-1)).toMatchObject({
      from: 'prospect',
      to: 'customer',
      by: 'crm:hubspot',
      reason: 'won by hubspot: deal deal-42 (Annual plan) won on 2026-03-02T09:30:00Z',
    });
    expect(events.ofType('Contact Scored').at(-1)).toMatchObject({
      stage: 'customer',
      previousStage: 'prospect',
    });
  });

  it('changes nothing when the same deal is delivered again', async () => {
    const contactId = await aProspect('jane@acme-industries.com');
    await deliver(won('jane@acme-industries.com'));
    const transitions = contacts.transitions.length;
    const published = events.published.length;
    await deliver(won('jane@acme-industries.com'));
    expect(contacts.transitions).toHaveLength(transitions);
    expect(events.published).toHaveLength(published);
    expect(contacts.contacts.get(contactId)?.stage).toBe('customer');
  });

  it('lets a deal go for an address leadflow never recorded, creating no contact', async () => {
    await expect(deliver(won('someone@elsewhere-corp.com'))).resolves.toBeUndefined();
    expect(contacts.contacts.has(contactIdFor('someone@elsewhere-corp.com'))).toBe(false);
    expect(events.published).toEqual([]);
  });

  it('leaves a disqualified contact for a person to decide, and lets a deal with an unusable address go', async () => {
    const contactId = await aProspect('jane@acme-industries.com');
    const contact = contacts.contacts.get(contactId);
    if (contact) contact.stage = 'disqualified';
    await expect(deliver(won('jane@acme-industries.com'))).resolves.toBeUndefined();
    expect(contacts.contacts.get(contactId)?.stage).toBe('disqualified');

    const published = events.published.length;
    await expect(deliver(won('not an address'))).resolves.toBeUndefined();
    expect(events.published).toHaveLength(published);
  });

  it('refuses a detail that breaks the contract, so it is retried and dead-lettered', async () => {
    await expect(deliver({ ...won('jane@acme-industries.com'), dealId: '' })).rejects.toThrow(
      EventContractError,
    );
    await expect(deliver({ version: 1, crm: 'hubspot' })).rejects.toThrow(EventContractError);
  });
});
