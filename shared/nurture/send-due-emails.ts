import { type DeliveryOutcome, deliverDue, type NurtureDeps } from './deliver-due.ts';

export interface SendDueOptions {
  /** Stop starting new work once less than this is left of the invocation (ms). */
  readonly remainingTimeMs: () => number;
  readonly reserveMs?: number;
  readonly pageSize?: number;
}

export interface SendDueSummary {
  readonly looked: number;
  readonly outcomes: Readonly<Record<DeliveryOutcome['outcome'], number>>;
  /** Why the run ended: nothing left, out of time, or SES asked us to slow down. */
  readonly ended: 'done' | 'time' | 'throttled';
}

/**
 * The scheduled sender: takes contacts with something due from the sparse index, oldest first, and
 * delivers one at a time through the shared send-rate limit, until nothing is due, the invocation is
 * nearly out of time, or SES throttles (the rest stays due for the next run).
 */
export async function sendDueEmails(deps: NurtureDeps, options: SendDueOptions): Promise<SendDueSummary> {
  const reserveMs = options.reserveMs ?? 5_000;
  const outcomes: Record<DeliveryOutcome['outcome'], number> = {
    sent: 0,
    waiting: 0,
    stopped: 0,
    'not-due': 0,
    'rate-limited': 0,
    throttled: 0,
    failed: 0,
  };
  let looked = 0;
  const seen = new Set<string>();
  let next: string | undefined;
  do {
    const page = await deps.store.due(deps.clock(), options.pageSize ?? 25, next);
    for (const contactId of page.contactIds) {
      // A contact re-queued during this run (its next step due at once) is handled on the next run.
      if (seen.has(contactId)) continue;
      seen.add(contactId);
      const left = options.remainingTimeMs() - reserveMs;
      if (left <= 0) return { looked, outcomes, ended: 'time' };
      looked += 1;
      const { outcome } = await deliverDue(contactId, deps, { maxRateWaitMs: Math.min(left, 10_000) });
      outcomes[outcome] += 1;
      if (outcome === 'throttled') return { looked, outcomes, ended: 'throttled' };
    }
    next = page.next;
  } while (next);
  return { looked, outcomes, ended: 'done' };
}
