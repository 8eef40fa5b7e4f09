import { describe, expect, it } from 'vitest';
import { addBusinessHours, businessDayHours } from '#shared/routing/business-hours.ts';

const paris = { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

describe('addBusinessHours', () => {
  it('counts only working hours, in the calendar zone', () => {
    // Monday 2 March 2026, 10:00 in Paris (09:00 UTC): four hours later is 14:00 Paris.
    expect(addBusinessHours('2026-03-02T09:00:00.000Z', 4, paris)).toBe('2026-03-02T13:00:00.000Z');
    // 16:30 Paris: 1.5 hours today, 2.5 tomorrow from 09:00.
    expect(addBusinessHours('2026-03-02T15:30:00.000Z', 4, paris)).toBe('2026-03-03T10:30:00.000Z');
  });

  it('carries a Friday evening lead over the weekend, and a night one to the opening', () => {
    // Friday 6 March, 20:00 Paris → Monday 9 March 09:00 + 4 h = 13:00 Paris.
    expect(addBusinessHours('2026-03-06T19:00:00.000Z', 4, paris)).toBe('2026-03-09T12:00:00.000Z');
    // Saturday, one business day (9 h) → Monday 18:00 Paris.
    expect(addBusinessHours('2026-03-07T10:00:00.000Z', businessDayHours(paris), paris)).toBe(
      '2026-03-09T17:00:00.000Z',
    );
  });

  it('follows the zone across a daylight-saving change and other working weeks', () => {
    // Friday 27 March 17:00 Paris (CET) + 2 h → Monday 30 March 10:00 CEST (08:00 UTC).
    expect(addBusinessHours('2026-03-27T16:00:00.000Z', 2, paris)).toBe('2026-03-30T08:00:00.000Z');
    // A Sunday-to-Thursday week in Dubai: Friday is no working day.
    const dubai = { timeZone: 'Asia/Dubai', days: [7, 1, 2, 3, 4], start: '08:00', end: '16:00' };
    expect(addBusinessHours('2026-03-06T06:00:00.000Z', 1, dubai)).toBe('2026-03-08T05:00:00.000Z');
  });
});
