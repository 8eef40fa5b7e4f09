import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_RETENTION_ENV,
  activityExpiresAt,
  activityRetentionDays,
  DEFAULT_ACTIVITY_RETENTION_DAYS,
} from '#shared/activity/retention.ts';

describe('activity retention', () => {
  it('defaults to two years and takes a whole number of days from the environment', () => {
    expect(activityRetentionDays({})).toBe(DEFAULT_ACTIVITY_RETENTION_DAYS);
    expect(activityRetentionDays({ [ACTIVITY_RETENTION_ENV]: '90' })).toBe(90);
  });

  it('refuses a retention that is not a whole number of days, naming the setting', () => {
    for (const value of ['0', '-5', '1.5', 'two years', '99999']) {
      expect(() => activityRetentionDays({ [ACTIVITY_RETENTION_ENV]: value })).toThrow(
        ACTIVITY_RETENTION_ENV,
      );
    }
  });

  it('counts the expiry from when the activity happened, in epoch seconds', () => {
    expect(activityExpiresAt('2026-03-02T00:00:00.000Z', 30)).toBe(
      Date.parse('2026-04-01T00:00:00.000Z') / 1000,
    );
  });
});
