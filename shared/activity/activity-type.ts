import { z } from 'zod';

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
 * Everything that can happen to a contact. Form activities come from webhooks; the others from
 * engagement events (later issues add them to the intake).
 */
export const ACTIVITY_TYPES = [
  'newsletter_signup',
  'whitepaper_download',
  'webinar_registration',
  'contact_request',
  'demo_request',
  'quote_request',
  'detailed_form',
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
