import { describe, expect, it } from 'vitest';
import { occurredAtOf } from '#shared/activity/record-activity.ts';
import { utmFromUrl } from '#shared/activity/utm.ts';
import { NOW } from '../../support/builders.ts';

describe('utmFromUrl', () => {
  it('reads the five UTM parameters of a page address', () => {
    expect(
      utmFromUrl(
        'https://www.example.com/?utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_term=crm&utm_content=ad1&x=1',
      ),
    ).toEqual({ source: 'google', medium: 'cpc', campaign: 'brand', term: 'crm', content: 'ad1' });
  });

  it('says nothing for an address without them, a non-address, or forged values', () => {
    expect(utmFromUrl('https://www.example.com/pricing')).toBeUndefined();
    expect(utmFromUrl('not a url')).toBeUndefined();
    expect(utmFromUrl(undefined)).toBeUndefined();
    expect(utmFromUrl(`https://x.example/?utm_source=${'a'.repeat(201)}&utm_medium=ev%0Ail`)).toBeUndefined();
  });
});

describe('occurredAtOf', () => {
  it("takes the provider's time when it is one and not in the future, else now", () => {
    expect(occurredAtOf('2026-03-01T09:00:00+01:00', NOW)).toBe('2026-03-01T08:00:00.000Z');
    expect(occurredAtOf('2099-01-01T00:00:00Z', NOW)).toBe(NOW.toISOString());
    expect(occurredAtOf('yesterday', NOW)).toBe(NOW.toISOString());
    expect(occurredAtOf(undefined, NOW)).toBe(NOW.toISOString());
  });
});
