import type { SendingPolicy } from './sending-policy.ts';

/** The account's sending limits as SES reports them (`GetAccount`'s `SendQuota`). */
export interface AccountQuota {
  /** Emails per rolling 24 hours; SES reports -1 for no limit. */
  readonly max24HourSend: number;
  /** Emails per second. */
  readonly maxSendRate: number;
  readonly sentLast24Hours: number;
}

export type QuotaDecision =
  | { readonly kind: 'open'; readonly budget?: number; readonly used: number }
  | {
      readonly kind: 'hold';
      readonly reason: 'quota' | 'warm-up';
      readonly budget: number;
      readonly used: number;
      /** When to look again: an hour of the rolling 24 hours has passed by then. */
      readonly retryAt: string;
    };

const DAY_MS = 86_400_000;
const RECHECK_MS = 30 * 60_000;

/** The warm-up cap of `now`'s UTC day, if a schedule applies: day 1 is `startsOn`, before it too. */
export function warmUpCap(policy: SendingPolicy, now: Date): number | undefined {
  if (!policy.warmUp) return undefined;
  const day = Math.floor((now.getTime() - Date.parse(`${policy.warmUp.startsOn}T00:00:00Z`)) / DAY_MS);
  return policy.warmUp.dailyCaps[Math.max(0, day)];
}

/**
 * How many emails nurture may have sent in the last 24 hours: its share of the account's quota (the
 * rest stays for confirmations and team notifications), and no more than the warm-up cap of the day.
 */
export function nurtureBudget(
  quota: AccountQuota,
  policy: SendingPolicy,
  now: Date,
): { readonly budget?: number; readonly limitedBy?: 'quota' | 'warm-up' } {
  const share = quota.max24HourSend >= 0 ? Math.floor(quota.max24HourSend * policy.nurtureShare) : undefined;
  const cap = warmUpCap(policy, now);
  if (cap !== undefined && (share === undefined || cap < share)) return { budget: cap, limitedBy: 'warm-up' };
  return share === undefined ? {} : { budget: share, limitedBy: 'quota' };
}

/**
 * Whether one more nurture email fits (pure). `used` is every email of the last 24 hours, by SES's
 * count or leadflow's own, whichever is higher. Near the limit nurture waits; it is never dropped.
 */
export function decideNurtureQuota(
  quota: AccountQuota,
  used: number,
  policy: SendingPolicy,
  now: Date,
): QuotaDecision {
  const { budget, limitedBy } = nurtureBudget(quota, policy, now);
  if (budget === undefined || !limitedBy || used < budget) {
    return { kind: 'open', ...(budget === undefined ? {} : { budget }), used };
  }
  return {
    kind: 'hold',
    reason: limitedBy,
    budget,
    used,
    retryAt: new Date(now.getTime() + RECHECK_MS).toISOString(),
  };
}
