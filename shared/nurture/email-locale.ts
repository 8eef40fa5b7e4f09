/** The languages every contact-facing email is written in; the first is the fallback. */
export const EMAIL_LOCALES = ['en', 'fr'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];
