import { describe, expect, it } from 'vitest';
import { countryCode } from '#shared/contact/country.ts';
import { localeFor, timeZonesFor } from '#shared/nurture/contact-locale.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { isQuiet, nextSendableAt } from '#shared/nurture/quiet-hours.ts';

const quiet = { start: '20:00', end: '08:00' };

describe('quiet hours', () => {
  it('are quiet across midnight in the zone itself', () => {
    expect(isQuiet(new Date('2026-03-02T02:00:00Z'), 'Europe/Paris', quiet)).toBe(true); // 03:00 in Paris
    expect(isQuiet(new Date('2026-03-02T10:00:00Z'), 'Europe/Paris', quiet)).toBe(false); // 11:00
    expect(isQuiet(new Date('2026-03-02T19:00:00Z'), 'Europe/Paris', quiet)).toBe(true); // 20:00
    expect(isQuiet(new Date('2026-03-02T10:00:00Z'), 'America/New_York', quiet)).toBe(true); // 05:00
  });

  it('move a 3 a.m. email to 8 a.m. local time', () => {
    const at = new Date('2026-03-02T02:00:00Z'); // 03:00 in Paris (UTC+1)
    expect(nextSendableAt(at, ['Europe/Paris'], quiet)?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
  });

  it('keep a daytime moment as it is', () => {
    const at = new Date('2026-03-02T10:30:00Z');
    expect(nextSendableAt(at, ['Europe/Paris'], quiet)?.toISOString()).toBe(at.toISOString());
  });

  it('follow summer time', () => {
    const at = new Date('2026-07-01T03:00:00Z'); // 05:00 in Paris (UTC+2)
    expect(nextSendableAt(at, ['Europe/Paris'], quiet)?.toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });

  it('wait until it is daytime in every zone of a country', () => {
    // 14:00 UTC is 09:00 in New York but 04:00 in Honolulu: the email waits for 08:00 in Hawaii.
    const at = new Date('2026-03-02T14:00:00Z');
    const sendable = nextSendableAt(at, ['America/New_York', 'Pacific/Honolulu'], quiet);
    expect(sendable?.toISOString()).toBe('2026-03-02T18:00:00.000Z');
  });

  it('give up on a set of zones no sending window fits', () => {
    // UTC, UTC+8 and UTC-8: each daytime window misses one of the others entirely.
    const zones = ['Africa/Abidjan', 'Asia/Shanghai', 'America/Los_Angeles'];
    expect(nextSendableAt(new Date('2026-03-02T10:00:00Z'), zones, quiet)).toBeUndefined();
  });
});

describe('the contact’s language and time zones', () => {
  it.each([
    ['FR', 'FR'],
    ['fra', 'FR'],
    ['France', 'FR'],
    ['Allemagne', 'DE'],
    ['United States of America', 'US'],
    [' be ', 'BE'],
    ['Atlantis', undefined],
    [undefined, undefined],
  ])('reads the country %j as %j', (country, code) => {
    expect(countryCode(country)).toBe(code);
  });

  it('writes French to France and Belgium, English elsewhere and when unknown', () => {
    expect(localeFor({ country: 'France' }, defaultNurtureConfig)).toBe('fr');
    expect(localeFor({ country: 'BE' }, defaultNurtureConfig)).toBe('fr');
    expect(localeFor({ country: 'Germany' }, defaultNurtureConfig)).toBe('en');
    expect(localeFor({}, defaultNurtureConfig)).toBe('en');
  });

  it('takes every zone of the country, or the configured default', () => {
    expect(timeZonesFor({ country: 'FR' }, defaultNurtureConfig)).toEqual(['Europe/Paris']);
    expect(timeZonesFor({ country: 'US' }, defaultNurtureConfig)).toEqual(
      expect.arrayContaining(['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu']),
    );
    expect(timeZonesFor({}, defaultNurtureConfig)).toEqual([defaultNurtureConfig.guardrails.defaultTimeZone]);
  });
});
