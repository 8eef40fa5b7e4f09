import { type DeliveryOutcome, deliverDue, type NurtureDeps } from './deliver-due.ts';
import { updateNurtureState } from './nurture-store.ts';
import { planEnrollment } from './plan-enrollment.ts';

export type NurtureLeadOutcome =
  | { readonly enrolled: false; readonly reason: 'unknown-contact' | 'unchanged' }
  | { readonly enrolled: true; readonly track?: string; readonly delivery: DeliveryOutcome };

/**
 * How long the event path may wait for a sending slot; beyond it the scheduled sender sends it, so a
 * burst of signups never holds invocations open at 1 email a second.
 */
const EVENT_PATH_RATE_WAIT_MS = 2_000;

/**
 * After a lead is scored: enter or move it into its track, then send what is due right away (the
 * welcome or the double opt-in confirmation) so the person hears from us within seconds. Whatever the
 * guardrails hold back stays due for the scheduled sender.
 */
export async function nurtureLead(contactId: string, deps: NurtureDeps): Promise<NurtureLeadOutcome> {
  const loaded = await deps.contacts.load(contactId);
  if (!loaded) return { enrolled: false, reason: 'unknown-contact' };
  const now = deps.clock();
  const written = await updateNurtureState(deps.store, contactId, (state) =>
    planEnrollment({ ...loaded, state, config: deps.config, now }),
  );
  if (!written) return { enrolled: false, reason: 'unchanged' };
  // The state just written and the contact just read are what the first delivery attempt needs.
  const delivery = await deliverDue(contactId, deps, {
    maxRateWaitMs: EVENT_PATH_RATE_WAIT_MS,
    justRead: { state: written.after, loaded },
  });
  return { enrolled: true, track: written.after.track, delivery };
}
