import type { Clock } from '#shared/runtime/clock.ts';
import { figuresOf, windowStart } from './decide-breaker.ts';
import { nurtureBudget, warmUpCap } from './decide-quota.ts';
import type { AccountQuotaSource } from './nurture-gate.ts';
import type { BreakerFigures, BreakerState, BreakerStore, SendingLedger } from './sending-ledger.ts';
import type { SendingPolicy } from './sending-policy.ts';

export interface SendingStatusDeps {
  readonly breaker: BreakerStore;
  readonly ledger: SendingLedger;
  readonly account: AccountQuotaSource;
  readonly policy: SendingPolicy;
  readonly clock: Clock;
}

export interface SendingStatus {
  readonly nurture: 'sending' | 'paused' | 'held-for-quota';
  readonly breaker: BreakerState;
  /** The rolling window as it stands now. */
  readonly window: BreakerFigures;
  readonly thresholds: SendingPolicy['breaker'];
  readonly quota: {
    readonly max24HourSend: number;
    readonly maxSendRate: number;
    readonly sentLast24Hours: number;
    readonly nurtureBudget?: number;
    readonly limitedBy?: 'quota' | 'warm-up';
    readonly warmUpCap?: number;
  };
  /** Who may resume a paused nurture: the console's users (the admin routes). */
  readonly resumableBy: 'console-users';
}

const DAY_MS = 86_400_000;

/** What the console's banner and the operators see: the breaker, its window, the quota and its use. */
export async function sendingStatus(deps: SendingStatusDeps): Promise<SendingStatus> {
  const now = deps.clock();
  const { state } = await deps.breaker.load();
  const from = windowStart(state, deps.policy, now);
  const [totals, lastDay, account] = await Promise.all([
    deps.ledger.totals(from, now),
    deps.ledger.totals(new Date(now.getTime() - DAY_MS), now),
    deps.account.quota(),
  ]);
  const sentLast24Hours = Math.max(account.sentLast24Hours, lastDay.sends);
  const { budget, limitedBy } = nurtureBudget(account, deps.policy, now);
  const cap = warmUpCap(deps.policy, now);
  const held = budget !== undefined && sentLast24Hours >= budget;
  return {
    nurture: state.status === 'open' ? 'paused' : held ? 'held-for-quota' : 'sending',
    breaker: state,
    window: figuresOf(totals, from, now),
    thresholds: deps.policy.breaker,
    quota: {
      max24HourSend: account.max24HourSend,
      maxSendRate: account.maxSendRate,
      sentLast24Hours,
      ...(budget === undefined ? {} : { nurtureBudget: budget }),
      ...(limitedBy ? { limitedBy } : {}),
      ...(cap === undefined ? {} : { warmUpCap: cap }),
    },
    resumableBy: 'console-users',
  };
}
