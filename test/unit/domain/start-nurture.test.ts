import { beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '#shared/adapters/ses-mailer.ts';
import type { Consent } from '#shared/contact/contact.ts';
import type { Stage } from '#shared/contact/stage.ts';
import { startNurture } from '#shared/nurture/start-nurture.ts';
import { aContact, NOW } from '../../support/builders.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';

const consent: Consent = {
  granted: true,
  legalBasis: 'consent',
  recordedAt: NOW.toISOString(),
  source: 'generic',
};

let contacts: InMemoryContactRepository;
let sent: OutgoingEmail[];
let failSending: boolean;
const deps = () => ({
  contacts,
  clock: () => NOW,
  mailer: {
    async send(email: OutgoingEmail) {
      if (failSending) throw new Error('Throttling');
      sent.push(email);
      return { messageId: `m_${sent.length}` };
    },
  },
});

function store(overrides: {
  stage?: Stage;
  consent?: Consent;
  interest?: 'newsletter' | 'whitepaper' | 'demo';
}) {
  contacts.contacts.set('c_1', { ...aContact({ firstName: 'Jane', consent }), ...overrides });
}

describe('startNurture', () => {
  beforeEach(() => {
    contacts = new InMemoryContactRepository();
    sent = [];
    failSending = false;
  });

  it('sends the first email of the track matched to the interest, once', async () => {
    store({ interest: 'whitepaper' });
    const first = await startNurture('c_1', deps());
    const second = await startNurture('c_1', deps());
    expect(first).toMatchObject({
      sent: true,
      track: 'whitepaper-follow-up',
      template: 'whitepaper-follow-up',
    });
    expect(second).toEqual({ sent: false, reason: 'already-in-track' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'jane@acme-industries.com',
      tags: { track: 'whitepaper-follow-up' },
    });
    expect(contacts.emails).toEqual([
      expect.objectContaining({ messageId: 'm_1', template: 'whitepaper-follow-up' }),
    ]);
  });

  it('sends nothing without consent or legitimate interest', async () => {
    store({ consent: { ...consent, granted: false } });
    expect(await startNurture('c_1', deps())).toEqual({ sent: false, reason: 'no-lawful-basis' });
    store({ consent: { ...consent, granted: false, legalBasis: 'legitimate-interest' } });
    expect((await startNurture('c_1', deps())).sent).toBe(true);
  });

  it('sends nothing to a contact that is no longer a lead', async () => {
    store({ stage: 'prospect' });
    expect(await startNurture('c_1', deps())).toEqual({ sent: false, reason: 'not-a-lead' });
    expect(sent).toHaveLength(0);
  });

  it('releases the step when SES refuses, so the retry sends it', async () => {
    store({ interest: 'newsletter' });
    failSending = true;
    await expect(startNurture('c_1', deps())).rejects.toThrow('Throttling');
    failSending = false;
    expect((await startNurture('c_1', deps())).sent).toBe(true);
    expect(sent).toHaveLength(1);
  });
});
