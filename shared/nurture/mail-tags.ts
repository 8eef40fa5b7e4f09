/**
 * The SES message tags set on every contact email. SES echoes them back in its events, which is how
 * feedback finds the contact and the recorded email again (see record-mail-feedback.ts).
 */
export const MAIL_TAGS = {
  contactId: 'contactId',
  sentAt: 'sentAt',
  kind: 'kind',
  template: 'template',
  track: 'track',
} as const;
