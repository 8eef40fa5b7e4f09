import { DateTime } from 'luxon';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import { type Mailer, MailThrottledError } from '#shared/nurture/mailer.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import type { NurtureGate } from '#shared/sending/nurture-gate.ts';
import { type ComposeDeps, composeContactEmail } from './compose-contact-email.ts';
import type { NurtureState } from './nurture-state.ts';
import type { NurtureStore } from './nurture-store.ts';
import { planDelivery, type WaitReason } from './plan-delivery.ts';
import type { SendRateLimiter } from './send-rate.ts';

export interface NurtureDeps extends ComposeDeps {
  readonly contacts: ContactRepository;
  readonly store: NurtureStore;
  readonly mailer: Mailer;
  readonly rateLimiter: SendRateLimiter;
  /** Holds nurture (never confirmations) while the breaker is open or the quota is near. */
  readonly gate: NurtureGate;
  readonly clock: Clock;
}

export type DeliveryOutcome =
  | {
      readonly outcome: 'sent';
      readonly kind: 'nurture' | 'confirmation';
      readonly template: string;
      readonly messageId: string;
    }
  | { readonly outcome: 'waiting'; readonly reason: WaitReason; readonly until?: string }
  | { readonly outcome: 'stopped'; readonly reason: string }
  | { readonly outcome: 'not-due' }
  /** No sending slot within the allowed wait: still due, sent on a later run. */
  | { readonly outcome: 'rate-limited' }
  /** SES kept throttling: still due; the caller should stop sending for now. */
  | { readonly outcome: 'throttled' }
  | { readonly outcome: 'failed'; readonly error: string; readonly retryAt?: string };

/** A contact as the repository loads it: the profile and its activities. */
export type LoadedContact = NonNullable<Awaited<ReturnType<ContactRepository['load']>>>;

/** Tries at one delivery before it is left due for the next run, when writers kept racing on it. */
const MAX_DELIVERY_ATTEMPTS = 5;
/** SES refused for another reason than throttling: retried later with backoff, then given up on. */
const FAILURE_BACKOFF_MINUTES = [5, 30, 120, 720];

/**
 * Sends what is due for one contact, if the guardrails allow it, else records why not and when to
 * look again. The step is claimed (the state advanced, on the version read) before SES is called, so
 * two senders never send it twice; if SES refuses, the claim is undone. A crash between the claim
 * and SES would skip that one email rather than ever send it twice.
 */
export async function deliverDue(
  contactId: string,
  deps: NurtureDeps,
  options: { readonly maxRateWaitMs: number },
): Promise<DeliveryOutcome> {
  return retryOnConflict(
    async (): Promise<DeliveryOutcome | 'conflict'> => {
      const state = await deps.store.load(contactId);
      const now = deps.clock();
      if (!state.dueAt || state.dueAt > now.toISOString()) return { outcome: 'not-due' };
      const loaded = await deps.contacts.load(contactId);
      if (!loaded) {
        const next: NurtureState = {
          ...state,
          status: 'stopped',
          stopReason: 'contact-gone',
          dueAt: undefined,
        };
        if ((await deps.store.save(next, state.version)) === 'conflict') return 'conflict';
        return { outcome: 'stopped', reason: 'contact-gone' };
      }
      const outcome = await attemptDelivery(contactId, deps, {
        state,
        storedVersion: state.version,
        unsaved: false,
        loaded,
        now,
        maxRateWaitMs: options.maxRateWaitMs,
      });
      return outcome;
    },
    {
      maxAttempts: MAX_DELIVERY_ATTEMPTS,
      exhausted: () =>
        new Error(`Contact ${contactId}'s nurture state kept changing; it stays due and is retried.`),
    },
  );
}

/**
 * One delivery attempt on `state`, every write conditional on `storedVersion` (`conflict`: nothing
 * was written, read again). `unsaved`: `state` is not stored yet (enrollment planned on the version
 * read), so it is written by the attempt's one write: with the claim when an email goes out, with
 * the reason when it waits or stops, on its own when nothing is due or no sending slot frees up.
 */
export async function attemptDelivery(
  contactId: string,
  deps: NurtureDeps,
  input: {
    readonly state: NurtureState;
    readonly storedVersion: number;
    readonly unsaved: boolean;
    readonly loaded: LoadedContact;
    readonly now: Date;
    readonly maxRateWaitMs: number;
  },
): Promise<DeliveryOutcome | 'conflict'> {
  const { state, storedVersion, loaded, now } = input;
  const saveUnsaved = async () =>
    input.unsaved ? await deps.store.save(state, storedVersion) : ('saved' as const);
  const plan = planDelivery({ ...loaded, state, config: deps.config, now });
  if (plan.kind === 'not-due')
    return (await saveUnsaved()) === 'conflict' ? 'conflict' : { outcome: 'not-due' };
  if (plan.kind !== 'send') {
    if ((await deps.store.save(plan.next, storedVersion)) === 'conflict') return 'conflict';
    return plan.kind === 'wait'
      ? { outcome: 'waiting', reason: plan.reason, until: plan.next.dueAt }
      : { outcome: 'stopped', reason: plan.reason };
  }

  if (plan.email.kind === 'nurture') {
    const verdict = await deps.gate.check();
    if (!verdict.open) {
      // Delayed, never dropped: the step is planned again once the hold is over.
      if ((await deps.store.save({ ...state, dueAt: verdict.retryAt }, storedVersion)) === 'conflict')
        return 'conflict';
      return { outcome: 'waiting', reason: verdict.reason, until: verdict.retryAt };
    }
  }
  if (!(await deps.rateLimiter.acquire(input.maxRateWaitMs))) {
    return (await saveUnsaved()) === 'conflict' ? 'conflict' : { outcome: 'rate-limited' };
  }
  if ((await deps.store.save(plan.next, storedVersion)) === 'conflict') return 'conflict';
  const claimedVersion = storedVersion + 1;
  const { email, locale } = composeContactEmail(loaded.contact, plan.email, now, deps);
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(email));
  } catch (error) {
    // Undone to `state` (at enrollment, the enrollment without the claim), as if claimed separately.
    return undo(error, state, claimedVersion, now, deps);
  }
  await deps.store.recordEmail(contactId, {
    messageId,
    template: plan.email.template,
    kind: plan.email.kind,
    track: plan.email.track,
    step: plan.email.step,
    locale,
    configVersion: deps.config.version,
    sentAt: now.toISOString(),
    outcome: 'sent',
  });
  return { outcome: 'sent', kind: plan.email.kind, template: plan.email.template, messageId };
}

async function undo(
  error: unknown,
  before: NurtureState,
  claimedVersion: number,
  now: Date,
  deps: NurtureDeps,
): Promise<DeliveryOutcome> {
  if (error instanceof MailThrottledError) {
    await deps.store.save(before, claimedVersion);
    return { outcome: 'throttled' };
  }
  const attempts = (before.failedAttempts ?? 0) + 1;
  const backoff = FAILURE_BACKOFF_MINUTES[attempts - 1];
  const next: NurtureState =
    backoff === undefined
      ? {
          ...before,
          status: 'stopped',
          stopReason: 'delivery-failed',
          dueAt: undefined,
          failedAttempts: attempts,
        }
      : {
          ...before,
          failedAttempts: attempts,
          dueAt: DateTime.fromJSDate(now, { zone: 'utc' }).plus({ minutes: backoff }).toISO() ?? undefined,
        };
  // If someone else wrote meanwhile (an unsubscribe), their state wins and the claim simply stays.
  await deps.store.save(next, claimedVersion);
  return { outcome: 'failed', error: error instanceof Error ? error.name : 'unknown', retryAt: next.dueAt };
}
