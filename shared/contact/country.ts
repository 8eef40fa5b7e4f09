// The core without its 80 bundled languages (the package's Node entry loads them all): we need four.
import countries from 'i18n-iso-countries/index.js';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };

const LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
for (const locale of [en, fr, de, es]) countries.registerLocale(locale);

/**
 * The ISO 3166-1 alpha-2 code of a country as a form gave it: a code (`fr`, `DEU`) or a name in
 * English, French, German or Spanish (`Germany`, `Allemagne`), looked up in the maintained
 * i18n-iso-countries tables rather than a hand-written list. Undefined when it is not a country.
 */
export function countryCode(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (/^[a-z]{2}$/i.test(value) && countries.isValid(value)) return value.toUpperCase();
  if (/^[a-z]{3}$/i.test(value) && countries.isValid(value))
    return countries.alpha3ToAlpha2(value.toUpperCase());
  for (const language of LANGUAGES) {
    const code = countries.getSimpleAlpha2Code(value, language);
    if (code) return code;
  }
  return undefined;
}
