import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import { attemptDelivery, type DeliveryOutcome, type NurtureDeps } from './deliver-due.ts';
import { planEnrollment } from './plan-enrollment.ts';

export type NurtureLeadOutcome =
  | { readonly enrolled: false; readonly reason: 'unknown-contact' | 'unchanged' }
  | { readonly enrolled: true; readonly track?: string; readonly delivery: DeliveryOutcome };

/**
 * How long the event path may wait for a sending slot; beyond it the scheduled sender sends it, so a
 * burst of signups never holds invocations open at 1 email a second.
 */
const EVENT_PATH_RATE_WAIT_MS = 2_000;

const MAX_CONFLICT_RETRIES = 10;

/**
 * After a lead is scored: enter or move it into its track, then send what is due right away (the
 * welcome or the double opt-in confirmation) so the person hears from us within seconds. Whatever the
 * guardrails hold back stays due for the scheduled sender.
 *
 * The enrollment is not written on its own: the first delivery attempt plans on it (every guardrail,
 * then a sending slot) and writes it in the same conditional write as its claim, or as its reason to
 * wait or stop, on the version read. If another writer got there first, nothing was written or sent,
 * and the enrollment is planned again on what it wrote.
 */
export async function nurtureLead(contactId: string, deps: NurtureDeps): Promise<NurtureLeadOutcome> {
  const loaded = await deps.contacts.load(contactId);
  if (!loaded) return { enrolled: false, reason: 'unknown-contact' };
  const now = deps.clock();
  return retryOnConflict(
    async (): Promise<NurtureLeadOutcome | 'conflict'> => {
      const stored = await deps.store.load(contactId);
      const enrolled = planEnrollment({ ...loaded, state: stored, config: deps.config, now });
      if (!enrolled) return { enrolled: false, reason: 'unchanged' };
      const delivery = await attemptDelivery(contactId, deps, {
        state: enrolled,
        storedVersion: stored.version,
        unsaved: true,
        loaded,
        now,
        maxRateWaitMs: EVENT_PATH_RATE_WAIT_MS,
      });
      if (delivery === 'conflict') return delivery;
      return { enrolled: true, track: enrolled.track, delivery };
    },
    {
      maxAttempts: MAX_CONFLICT_RETRIES,
      exhausted: () =>
        new Error(`Contact ${contactId}'s nurture state kept changing; the request will be retried.`),
    },
  );
}
