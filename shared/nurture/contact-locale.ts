import ct from 'countries-and-timezones';
// The core without its 80 bundled languages (the package's Node entry loads them all): we need two.
import countries from 'i18n-iso-countries/index.js';
import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frenchNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { Contact } from '#shared/contact/contact.ts';
import type { EmailLocale } from './email-locale.ts';
import type { NurtureConfig } from './nurture-config.ts';

countries.registerLocale(englishNames);
countries.registerLocale(frenchNames);

/**
 * The ISO 3166 alpha-2 code of the free-text country a form sent: a code (`FR`, `FRA`) or a name in
 * English or French (`France`, `Allemagne`), from the maintained ISO tables rather than our own list.
 */
export function countryCode(country: string | undefined): string | undefined {
  const value = country?.trim();
  if (!value) return undefined;
  if (/^[A-Za-z]{2}$/.test(value) && countries.isValid(value.toUpperCase())) return value.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(value)) {
    const fromAlpha3 = countries.toAlpha2(value.toUpperCase());
    if (fromAlpha3) return fromAlpha3;
  }
  return countries.getSimpleAlpha2Code(value, 'en') ?? countries.getSimpleAlpha2Code(value, 'fr');
}

/** The language of the contact's emails: the one configured for its country, else the default. */
export function localeFor(contact: Pick<Contact, 'country'>, config: NurtureConfig): EmailLocale {
  const code = countryCode(contact.country);
  return (code && config.locales.byCountry[code]) || config.locales.default;
}

/**
 * The time zones quiet hours must hold in. leadflow does not ask people for their time zone, so it
 * takes every zone of the contact's country (one for France, several for the United States) and the
 * sender waits until it is daytime in all of them; without a known country, the configured default.
 */
export function timeZonesFor(contact: Pick<Contact, 'country'>, config: NurtureConfig): readonly string[] {
  const code = countryCode(contact.country);
  const zones = code ? ct.getCountry(code)?.timezones : undefined;
  return zones && zones.length > 0 ? zones : [config.guardrails.defaultTimeZone];
}
