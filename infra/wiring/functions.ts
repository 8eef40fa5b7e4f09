import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { contactScored } from '#events/contact-scored.ts';
import { patternFor } from '#events/contract.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { sesEmailEventsPattern } from '#events/ses-email-events.ts';
import { defineFunction, type FunctionDeclaration } from './types.ts';

/**
 * Settings of every function that sends email. The send rate is shared by all of them (a DynamoDB
 * counter per second), so it is the account's SES rate: 1 a second in the SES sandbox.
 */
const SENDING = { SES_MAX_SEND_RATE: '1' } as const;

/** What both nurture senders may touch: the table, SES, and the key of the links in every email. */
const NURTURE_SENDER = {
  access: { table: 'readWrite', mail: 'send' },
  secrets: ['MAIL_TOKEN_SECRET'],
  environment: SENDING,
} as const;

/**
 * Every leadflow function, its triggers and its access: the single source the CDK app and the
 * local runtime are both built from. Add a function here and it exists in both places.
 */
export const functions = {
  formIntake: defineFunction({
    entry: 'functions/form-intake/handler.ts',
    description: 'Verifies, validates and records form submissions posted by websites and form tools.',
    triggers: [{ kind: 'http', method: 'POST', path: '/forms/{source}' }],
    access: { table: 'readWrite', bus: 'put' },
    secrets: ['WEBHOOK_SECRET_GENERIC'],
  }),
  contactScorer: defineFunction({
    entry: 'functions/contact-scorer/handler.ts',
    description: 'Re-scores a contact after each recorded activity and moves it through the lifecycle.',
    triggers: [
      {
        kind: 'event',
        ruleName: 'ScoreOnActivity',
        pattern: patternFor(contactActivityRecorded),
      },
    ],
    access: { table: 'readWrite', bus: 'put' },
  }),
  nurtureMailer: defineFunction({
    entry: 'functions/nurture-mailer/handler.ts',
    description:
      'Enters a lead that is not ready for sales in its nurture track and sends what is due at once.',
    triggers: [
      {
        kind: 'event',
        ruleName: 'NurtureScoredLeads',
        pattern: patternFor(contactScored, { stage: ['lead'] }),
      },
    ],
    ...NURTURE_SENDER,
  }),
  nurtureSender: defineFunction({
    entry: 'functions/nurture-sender/handler.ts',
    description: 'Sends the nurture emails that are due, within the guardrails and the SES sending rate.',
    triggers: [{ kind: 'schedule', ruleName: 'SendDueNurtureEmails', expression: 'rate(1 minute)' }],
    ...NURTURE_SENDER,
    // Shorter than the schedule's period, so two runs never overlap.
    timeoutSeconds: 50,
  }),
  mailPreferences: defineFunction({
    entry: 'functions/mail-preferences/handler.ts',
    description: 'Double opt-in confirmation, one-click unsubscribe and the email preference page.',
    triggers: [
      { kind: 'http', method: 'GET', path: '/confirm' },
      { kind: 'http', method: 'GET', path: '/unsubscribe' },
      { kind: 'http', method: 'POST', path: '/unsubscribe' },
      { kind: 'http', method: 'GET', path: '/preferences' },
      { kind: 'http', method: 'POST', path: '/preferences' },
    ],
    access: { table: 'readWrite', bus: 'put' },
    secrets: ['MAIL_TOKEN_SECRET'],
  }),
  sesFeedback: defineFunction({
    entry: 'functions/ses-feedback/handler.ts',
    description: 'Suppresses bounced and complaining addresses and turns opens and clicks into activities.',
    triggers: [{ kind: 'event', ruleName: 'RecordSesFeedback', pattern: sesEmailEventsPattern }],
    access: { table: 'readWrite', bus: 'put' },
  }),
  digestRecorder: defineFunction({
    entry: 'functions/digest-recorder/handler.ts',
    description: 'Notes new leads and new prospects for the daily digest.',
    triggers: [
      { kind: 'event', ruleName: 'DigestNewLeads', pattern: patternFor(contactScored) },
      { kind: 'event', ruleName: 'DigestNewProspects', pattern: patternFor(prospectQualified) },
    ],
    access: { table: 'readWrite' },
  }),
  dailyDigest: defineFunction({
    entry: 'functions/daily-digest/handler.ts',
    description: "Emails yesterday's new prospects and leads to the marketing and sales addresses.",
    triggers: [{ kind: 'schedule', ruleName: 'SendDailyDigest', expression: 'cron(0 7 * * ? *)' }],
    access: { table: 'readWrite', mail: 'send' },
    environment: {
      ...SENDING,
      // Who gets the digest: replace with your marketing and sales addresses (comma-separated).
      DIGEST_RECIPIENTS: 'marketing@example.com,sales@example.com',
    },
  }),
} satisfies Record<string, FunctionDeclaration>;

export type FunctionName = keyof typeof functions;
