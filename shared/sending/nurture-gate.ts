import type { Clock } from '#shared/runtime/clock.ts';
import { countMetric } from '#shared/runtime/event-metrics.ts';
import { logger } from '#shared/runtime/logger.ts';
import { METRICS } from '#shared/runtime/metric-names.ts';
import { decideBreaker, windowStart } from './decide-breaker.ts';
import { type AccountQuota, decideNurtureQuota } from './decide-quota.ts';
import type { SendingAlerts } from './sending-alerts.ts';
import type { BreakerStore, SendingLedger } from './sending-ledger.ts';
import type { SendingPolicy } from './sending-policy.ts';

/** The account's quota as SES reports it, refreshed now and then by the adapter. */
export interface AccountQuotaSource {
  quota(): Promise<AccountQuota>;
}

export type GateVerdict =
  | { readonly open: true }
  | {
      readonly open: false;
      readonly reason: 'reputation-pause' | 'send-quota' | 'warm-up-cap';
      /** When the sender looks at the held email again. */
      readonly retryAt: string;
    };

/** Whether a nurture email may go out now. Transactional and team mail never ask. */
export interface NurtureGate {
  check(): Promise<GateVerdict>;
}

export interface NurtureGateDeps {
  readonly ledger: SendingLedger;
  readonly breaker: BreakerStore;
  readonly account: AccountQuotaSource;
  readonly policy: SendingPolicy;
  readonly clock: Clock;
  readonly alerts?: SendingAlerts;
  /** How long one verdict holds (ms), so a run of sends reads the ledger once, not per email. */
  readonly cacheMs?: number;
}

/** While paused, a held email is looked at again this often; resuming takes effect within it. */
const PAUSE_RECHECK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * The nurture gate: (1) the recorded breaker, open until a person resumes; (2) the rolling window's
 * bounce and complaint rates, which trip it (recorded once, with the figures, an operator metric and
 * an alert to marketing); (3) the 24-hour quota and the warm-up cap, which hold nurture while
 * near. A held email is delayed (its due time moves to `retryAt`), never dropped.
 */
export function nurtureGate(deps: NurtureGateDeps): NurtureGate {
  let cached: { readonly verdict: GateVerdict; readonly until: number } | undefined;
  const check = async (): Promise<GateVerdict> => {
    const now = deps.clock();
    if (cached && cached.until > now.getTime()) return cached.verdict;
    const verdict = await decide(deps, now);
    cached = { verdict, until: now.getTime() + (deps.cacheMs ?? 20_000) };
    return verdict;
  };
  return { check };
}

async function decide(deps: NurtureGateDeps, now: Date): Promise<GateVerdict> {
  const paused: GateVerdict = {
    open: false,
    reason: 'reputation-pause',
    retryAt: new Date(now.getTime() + PAUSE_RECHECK_MS).toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { state, version } = await deps.breaker.load();
    const totals = await deps.ledger.totals(windowStart(state, deps.policy, now), now);
    const decision = decideBreaker(state, totals, deps.policy, now);
    if (decision.kind === 'open') {
      countMetric(METRICS.nurturePaused);
      return paused;
    }
    if (decision.kind === 'trip') {
      if ((await deps.breaker.save(decision.next, version)) === 'conflict') continue;
      logger.warn('nurture paused by the reputation breaker', {
        ...decision.next.figures,
        reason: decision.next.reason,
      });
      countMetric(METRICS.nurturePaused);
      await deps.alerts?.breakerTripped(decision.next);
      return paused;
    }
    break;
  }
  const quota = await deps.account.quota();
  const ours = await deps.ledger.totals(new Date(now.getTime() - DAY_MS), now);
  const held = decideNurtureQuota(quota, Math.max(quota.sentLast24Hours, ours.sends), deps.policy, now);
  if (held.kind === 'open') return { open: true };
  logger.info('nurture held near the sending quota', {
    reason: held.reason,
    used: held.used,
    budget: held.budget,
  });
  countMetric(METRICS.nurtureHeldForQuota);
  await deps.alerts?.quotaHeld(held, now);
  return {
    open: false,
    reason: held.reason === 'warm-up' ? 'warm-up-cap' : 'send-quota',
    retryAt: held.retryAt,
  };
}
