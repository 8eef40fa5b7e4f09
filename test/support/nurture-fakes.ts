import type { Consent } from '#shared/contact/contact.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import type { NurtureDeps } from '#shared/nurture/deliver-due.ts';
import { MailTokens } from '#shared/nurture/mail-token.ts';
import { type Mailer, MailThrottledError, type OutgoingEmail } from '#shared/nurture/mailer.ts';
import type { SendRateLimiter } from '#shared/nurture/send-rate.ts';
import type { SenderIdentity } from '#shared/nurture/sender-identity.ts';
import { countingMailer } from '#shared/sending/counting-mailer.ts';
import { nurtureGate } from '#shared/sending/nurture-gate.ts';
import { DEFAULT_SENDING_POLICY } from '#shared/sending/sending-policy.ts';
import { InMemoryContactRepository } from './in-memory-contact-repository.ts';
import { InMemoryNurtureStore } from './in-memory-nurture-store.ts';
import { FixedAccountQuota, InMemoryBreakerStore, InMemorySendingLedger } from './in-memory-sending.ts';
import { RecordingPublisher } from './recording-publisher.ts';

/** A signup resting on documented legitimate interest: nurtured without double opt-in. */
export const legitimateInterest = (at: Date): Consent => ({
  granted: false,
  legalBasis: 'legitimate-interest',
  recordedAt: at.toISOString(),
  source: 'generic',
});

/** A signup resting on consent the person gave. */
export const consentGiven = (at: Date): Consent => ({
  granted: true,
  legalBasis: 'consent',
  recordedAt: at.toISOString(),
  source: 'generic',
});

/** The stage's sender identity the tests send as. */
export const TEST_SENDER: SenderIdentity = {
  companyName: 'Acme Analytics',
  postalAddress: '12 Harbour Road, Bristol BS1 5TT, United Kingdom',
  replyTo: 'hello@acme-analytics.test',
  links: { website: 'https://www.acme-analytics.test', privacy: 'https://www.acme-analytics.test/privacy' },
};

export const TEST_TOKEN_KEY = 'unit-test-mail-token-key-of-32-characters-or-more';

/** A mailer that keeps what it was given, and can be told to fail the next sends. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failNext: Error[] = [];

  async send(email: OutgoingEmail) {
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.sent.push(email);
    return { messageId: `m_${this.sent.length}` };
  }

  throttleNext(times = 1) {
    for (let i = 0; i < times; i += 1)
      this.failNext.push(new MailThrottledError('SES refused the email for now.'));
  }
}

/** A send-rate limit that hands out `slots` sends, then none. */
export class CountingRateLimiter implements SendRateLimiter {
  slots: number;
  taken = 0;
  /** The longest wait each call allowed. */
  readonly waits: number[] = [];

  constructor(slots = Number.POSITIVE_INFINITY) {
    this.slots = slots;
  }

  async acquire(maxWaitMs: number): Promise<boolean> {
    this.waits.push(maxWaitMs);
    if (this.taken >= this.slots) return false;
    this.taken += 1;
    return true;
  }
}

/** Everything the nurture use cases need, in memory, with a clock the test moves. */
export function nurtureFakes(start: Date) {
  let now = start;
  const contacts = new InMemoryContactRepository();
  const store = new InMemoryNurtureStore();
  const mailer = new RecordingMailer();
  const rateLimiter = new CountingRateLimiter();
  const events = new RecordingPublisher();
  const clock = () => now;
  const ledger = new InMemorySendingLedger();
  const breaker = new InMemoryBreakerStore();
  const account = new FixedAccountQuota();
  const deps: NurtureDeps = {
    contacts,
    store,
    // Every email the recording mailer takes is counted, as the real senders' are.
    mailer: countingMailer(mailer, ledger, clock),
    rateLimiter,
    gate: nurtureGate({ ledger, breaker, account, policy: DEFAULT_SENDING_POLICY, clock, cacheMs: 0 }),
    clock,
    config: defaultNurtureConfig,
    tokens: new MailTokens(TEST_TOKEN_KEY),
    publicBaseUrl: 'https://leads.example.com',
    sender: TEST_SENDER,
  };
  return {
    deps,
    contacts,
    store,
    mailer,
    rateLimiter,
    events,
    ledger,
    breaker,
    account,
    setNow(date: Date) {
      now = date;
    },
  };
}
