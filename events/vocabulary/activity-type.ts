import * as z from 'zod/mini';

/** The kinds of form a website or form tool can send; each maps to one activity type. */
export const FORM_TYPES = [
  'newsletter',
  'whitepaper',
  'webinar',
  'contact',
  'demo',
  'quote',
  'detailed',
] as const;
export const formTypeSchema = z.enum(FORM_TYPES);
export type FormType = z.infer<typeof formTypeSchema>;

/**
 * Everything that can happen to a contact: form activities come from webhooks; engagement signals
 * from events (webinar platform, website, calendar, CRM) and from SES feedback on our emails.
 */
export const ACTIVITY_TYPES = [
  // forms
  'newsletter_signup',
  'whitepaper_download',
  'webinar_registration',
  'contact_request',
  'demo_request',
  'quote_request',
  'detailed_form',
  // engagement signals
  'webinar_attended',
  'page_visited',
  'meeting_booked',
  'sales_interaction',
  'email_opened',
  'email_clicked',
  // signals that count against a contact
  'unsubscribed',
  'email_bounced',
  'email_complained',
] as const;
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const ACTIVITY_TYPE_BY_FORM: Readonly<Record<FormType, ActivityType>> = {
  newsletter: 'newsletter_signup',
  whitepaper: 'whitepaper_download',
  webinar: 'webinar_registration',
  contact: 'contact_request',
  demo: 'demo_request',
  quote: 'quote_request',
  detailed: 'detailed_form',
};
