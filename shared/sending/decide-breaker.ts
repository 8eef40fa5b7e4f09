import type { BreakerFigures, BreakerState, SendingTotals } from './sending-ledger.ts';
import type { SendingPolicy } from './sending-policy.ts';

export type BreakerDecision =
  | { readonly kind: 'closed'; readonly figures: BreakerFigures }
  | { readonly kind: 'trip'; readonly next: Extract<BreakerState, { status: 'open' }> }
  | { readonly kind: 'open' };

/** Where the rolling window starts: `windowHours` back, but never before the last resume. */
export function windowStart(state: BreakerState, policy: SendingPolicy, now: Date): Date {
  const rolling = now.getTime() - policy.breaker.windowHours * 3_600_000;
  const sampleFrom = state.sampleFrom ? Date.parse(state.sampleFrom) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(rolling, sampleFrom));
}

/** The window's totals with their rates (0 while nothing was sent). */
export function figuresOf(totals: SendingTotals, from: Date, to: Date): BreakerFigures {
  const rateOf = (count: number) => (totals.sends > 0 ? count / totals.sends : 0);
  return {
    ...totals,
    from: from.toISOString(),
    to: to.toISOString(),
    bounceRate: rateOf(totals.bounces),
    complaintRate: rateOf(totals.complaints),
  };
}

/**
 * Whether nurture may send, from the recorded state and the window's totals (pure). An open breaker
 * stays open: only a person closes it. A closed one trips when the hard-bounce or complaint rate
 * reaches its threshold, but only on a sample of at least `minSends` emails, so one bounce among a
 * handful of emails does not stop everything.
 */
export function decideBreaker(
  state: BreakerState,
  totals: SendingTotals,
  policy: SendingPolicy,
  now: Date,
): BreakerDecision {
  if (state.status === 'open') return { kind: 'open' };
  const figures = figuresOf(totals, windowStart(state, policy, now), now);
  if (totals.sends < policy.breaker.minSends) return { kind: 'closed', figures };
  const reason =
    figures.complaintRate >= policy.breaker.complaintRate
      ? 'complaints'
      : figures.bounceRate >= policy.breaker.bounceRate
        ? 'bounces'
        : undefined;
  if (!reason) return { kind: 'closed', figures };
  return {
    kind: 'trip',
    next: {
      status: 'open',
      trippedAt: now.toISOString(),
      reason,
      figures,
      ...(state.sampleFrom ? { sampleFrom: state.sampleFrom } : {}),
    },
  };
}
