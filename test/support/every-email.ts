import { composeRawEmail } from '#shared/adapters/raw-email.ts';
import { composeContactEmail } from '#shared/nurture/compose-contact-email.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { EMAIL_LOCALES, type EmailLocale } from '#shared/nurture/email-locale.ts';
import { MailTokens } from '#shared/nurture/mail-token.ts';
import type { OutgoingEmail } from '#shared/nurture/mailer.ts';
import { renderEmail } from '#shared/nurture/render-email.ts';
import { COMPILED_TEMPLATES } from '#shared/nurture/templates.ts';
import { aContact, NOW } from './builders.ts';
import { TEST_SENDER, TEST_TOKEN_KEY } from './nurture-fakes.ts';

export const TEST_FROM = 'Acme Analytics <news@acme-analytics.test>';

export interface ComposedEmail {
  /** `<template>.<locale>`. */
  readonly name: string;
  readonly email: OutgoingEmail;
  /** The MIME message exactly as the mailer hands it to SES. */
  readonly raw: Buffer;
}

/** A person in a country of each locale, so each contact template renders in that language. */
const COUNTRY_OF: Readonly<Record<EmailLocale, string>> = { en: 'GB', fr: 'FR' };

/**
 * Every shipped template in every language it exists in, rendered for a plausible person through the
 * same code the senders use (contact templates with their per-person links and one-click headers),
 * then composed into raw MIME by the mailer's own composer.
 */
export async function everyComposedEmail(): Promise<ComposedEmail[]> {
  const deps = {
    config: defaultNurtureConfig,
    tokens: new MailTokens(TEST_TOKEN_KEY),
    publicBaseUrl: 'https://leads.acme-analytics.test',
    sender: TEST_SENDER,
  };
  const composed: ComposedEmail[] = [];
  for (const [template, entry] of Object.entries(COMPILED_TEMPLATES)) {
    for (const locale of EMAIL_LOCALES.filter((candidate) => entry.locales[candidate])) {
      const email =
        entry.audience === 'contact'
          ? composeContactEmail(
              aContact({
                firstName: locale === 'fr' ? 'Hélène' : 'Jane',
                lastName: locale === 'fr' ? 'Dupré' : 'Whitfield',
                company: 'Acme Industries',
                country: COUNTRY_OF[locale],
              }),
              {
                kind:
                  template === defaultNurtureConfig.doubleOptIn.confirmationTemplate
                    ? 'confirmation'
                    : 'nurture',
                template,
              },
              NOW,
              deps,
            ).email
          : { to: 'marketing@acme-analytics.test', ...renderEmail(template, locale, internalData()) };
      const raw = await composeRawEmail(email, { from: TEST_FROM, replyTo: TEST_SENDER.replyTo, date: NOW });
      composed.push({ name: `${template}.${locale}`, email, raw });
    }
  }
  return composed;
}

/** What the daily digest shows on an ordinary day. */
function internalData() {
  return {
    day: '2026-03-01',
    prospectCount: 1,
    leadCount: 1,
    prospects: [
      {
        name: 'Ada Lovelace',
        company: 'Lovelace Analytics',
        email: 'ada@lovelace-analytics.com',
        score: 82,
        qualifiedBy: 'auto',
      },
    ],
    leads: [
      {
        name: 'Grace Hopper',
        company: 'Hopper Systems',
        email: 'grace@hopper-systems.io',
        score: 41,
        stage: 'lead',
        interest: 'demo',
      },
    ],
    omitted: 0,
  };
}
