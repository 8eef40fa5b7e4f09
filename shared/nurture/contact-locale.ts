import ct from 'countries-and-timezones';
import type { Contact } from '#shared/contact/contact.ts';
import { countryCode } from '#shared/contact/country.ts';
import type { EmailLocale } from './email-locale.ts';
import type { NurtureConfig } from './nurture-config.ts';

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
