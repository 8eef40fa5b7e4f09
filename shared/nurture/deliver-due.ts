import { DateTime } from 'luxon';
import { type Mailer, MailThrottledError } from '#shared/adapters/ses-mailer.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Clock } from '#shared/runtime/clock.ts';
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

/** SES refused for another reason than throttling: retried later with backoff, then given up on. */
const FAILURE_BACKOFF_MINUTES = [5, 30, 120, 720];

/**
 * Sends what is due for one contact, if the guardrails allow it, else records why not and when to
 * look again. The step is claimed (the state advanced, on the version read) before SES is called, so
 * two senders never send it twice; if SES refuses, the claim is undone. A crash between the claim
 * and SES would skip that one email rather than ever send it twice.
 *
 * `justRead`: the state and contact the caller has just written and read (enrollment), used for the
 * first attempt instead of reading both again; the claim is still conditional on that state's
 * version, so if anything changed meanwhile the claim fails and the next attempt reads afresh.
 */
export async function deliverDue(
  contactId: string,
  deps: NurtureDeps,
  options: {
    readonly maxRateWaitMs: number;
    readonly justRead?: { readonly state: NurtureState; readonly loaded: LoadedContact };
  },
): Promise<DeliveryOutcome> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const known = attempt === 0 ? options.justRead : undefined;
    const state = known?.state ?? (await deps.store.load(contactId));
    const now = deps.clock();
    if (!state.dueAt || state.dueAt > now.toISOString()) return { outcome: 'not-due' };
    const loaded = known?.loaded ?? (await deps.contacts.load(contactId));
    if (!loaded) {
      const next: NurtureState = {
        ...state,
        status: 'stopped',
        stopReason: 'contact-gone',
        dueAt: undefined,
      };
      if ((await deps.store.save(next, state.version)) === 'conflict') continue;
      return { outcome: 'stopped', reason: 'contact-gone' };
    }
    const plan = planDelivery({ ...loaded, state, config: deps.config, now });
    if (plan.kind === 'not-due') return { outcome: 'not-due' };
    if (plan.kind !== 'send') {
      if ((await deps.store.save(plan.next, state.version)) === 'conflict') continue;
      return plan.kind === 'wait'
        ? { outcome: 'waiting', reason: plan.reason, until: plan.next.dueAt }
        : { outcome: 'stopped', reason: plan.reason };
    }

    if (!(await deps.rateLimiter.acquire(options.maxRateWaitMs))) return { outcome: 'rate-limited' };
    if ((await deps.store.save(plan.next, state.version)) === 'conflict') continue;
    const claimedVersion = state.version + 1;
    const { email, locale } = composeContactEmail(loaded.contact, plan.email, now, deps);
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send(email));
    } catch (error) {
      return undo(error, state, claimedVersion, now, deps);
    }
    await deps.store.recordEmail(contactId, {
      messageId,
      template: plan.email.template,
      kind: plan.email.kind,
      track: plan.email.track,
      step: plan.email.step,
      locale,
      sentAt: now.toISOString(),
      outcome: 'sent',
    });
    return { outcome: 'sent', kind: plan.email.kind, template: plan.email.template, messageId };
  }
  throw new Error(`Contact ${contactId}'s nurture state kept changing; it stays due and is retried.`);
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
