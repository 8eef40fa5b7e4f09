import type { EmailLocale } from './email-locale.ts';

/** `contact` templates go to the people we nurture; `internal` ones to our own marketing and sales teams. */
export type TemplateAudience = 'contact' | 'internal';

/** One template in one language, as the build compiled it from MJML (Handlebars placeholders intact). */
export interface CompiledTemplate {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Top-level variables the template reads, so configuration can be checked against them. */
  readonly variables: readonly string[];
}

export type CompiledTemplates = Readonly<
  Record<
    string,
    {
      readonly audience: TemplateAudience;
      readonly locales: Partial<Readonly<Record<EmailLocale, CompiledTemplate>>>;
    }
  >
>;

/** What a contact template may read: the person's own fields, the sender's identity, and the per-person links. */
export const CONTACT_TEMPLATE_VARIABLES: readonly string[] = [
  'firstName',
  'lastName',
  'company',
  'unsubscribeUrl',
  'preferencesUrl',
  'confirmUrl',
  'sender.companyName',
  'sender.postalAddress',
];

/** Every email to a contact lets them leave, or choose, in one click. */
export const REQUIRED_CONTACT_LINKS = ['unsubscribeUrl', 'preferencesUrl'] as const;
