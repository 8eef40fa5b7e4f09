import { describe, expect, it } from 'vitest';
import { decideNurtureQuota, nurtureBudget, warmUpCap } from '#shared/sending/decide-quota.ts';
import { DEFAULT_SENDING_POLICY } from '#shared/sending/sending-policy.ts';

const NOW = new Date('2026-03-05T12:00:00.000Z');
const warmUp = {
  ...DEFAULT_SENDING_POLICY,
  warmUp: { startsOn: '2026-03-02', dailyCaps: [50, 100, 200, 400] },
};

describe('the nurture budget', () => {
  it("is nurture's share of the 24-hour quota, rounded down", () => {
    expect(
      nurtureBudget({ max24HourSend: 1999, maxSendRate: 1, sentLast24Hours: 0 }, DEFAULT_SENDING_POLICY, NOW),
    ).toEqual({
      budget: 1799,
      limitedBy: 'quota',
    });
  });

  it('has no limit when SES reports an unlimited quota (-1) and no warm-up applies', () => {
    const unlimited = { max24HourSend: -1, maxSendRate: 50, sentLast24Hours: 10_000_000 };
    expect(nurtureBudget(unlimited, DEFAULT_SENDING_POLICY, NOW)).toEqual({});
    expect(decideNurtureQuota(unlimited, 10_000_000, DEFAULT_SENDING_POLICY, NOW).kind).toBe('open');
  });

  it('follows the warm-up day by day (day 1 is startsOn, before it too) and ends with the schedule', () => {
    expect(warmUpCap(warmUp, new Date('2026-03-01T23:00:00Z'))).toBe(50);
    expect(warmUpCap(warmUp, new Date('2026-03-02T00:00:00Z'))).toBe(50);
    expect(warmUpCap(warmUp, NOW)).toBe(400);
    expect(warmUpCap(warmUp, new Date('2026-03-06T00:00:00Z'))).toBeUndefined();
  });

  it('takes the lower of the quota share and the warm-up cap', () => {
    const small = { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 };
    expect(nurtureBudget(small, warmUp, NOW)).toEqual({ budget: 180, limitedBy: 'quota' });
    expect(nurtureBudget(small, warmUp, new Date('2026-03-03T08:00:00Z'))).toEqual({
      budget: 100,
      limitedBy: 'warm-up',
    });
  });

  it('holds at the budget, not one email before', () => {
    const quota = { max24HourSend: 100, maxSendRate: 1, sentLast24Hours: 0 };
    expect(decideNurtureQuota(quota, 89, DEFAULT_SENDING_POLICY, NOW).kind).toBe('open');
    expect(decideNurtureQuota(quota, 90, DEFAULT_SENDING_POLICY, NOW)).toMatchObject({
      kind: 'hold',
      reason: 'quota',
      budget: 90,
    });
  });
});
