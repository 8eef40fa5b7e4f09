import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { contactScored } from '#events/contact-scored.ts';
import { patternFor } from '#events/contract.ts';
import { engagementSignalsPattern } from '#shared/engagement/signals-from-events.ts';
import { defineFunction, type FunctionDeclaration } from './types.ts';

/**
 * Every leadflow function, its triggers and its access: the single source the CDK app and the
 * local runtime are both built from. Add a function here and it exists in both places.
 */
export const functions = {
  formIntake: defineFunction({
    entry: 'functions/form-intake/handler.ts',
    description: 'Verifies, validates and records form submissions posted by websites and form tools.',
    triggers: [
      { kind: 'http', method: 'POST', path: '/forms/{source}' },
      { kind: 'http', method: 'OPTIONS', path: '/forms/{source}' },
    ],
    access: { table: 'readWrite', bus: 'put' },
    secrets: [
      'WEBHOOK_SECRET_GENERIC',
      'WEBHOOK_SECRET_TYPEFORM',
      'WEBHOOK_SECRET_TALLY',
      'WEBHOOK_SECRET_WEBFLOW',
      'VISITOR_TOKEN_SECRET',
    ],
  }),
  visitTracker: defineFunction({
    entry: 'functions/visit-tracker/handler.ts',
    description:
      'Forwards page visits of contacts known from a form (signed visitor token); drops anonymous ones.',
    triggers: [
      { kind: 'http', method: 'POST', path: '/track' },
      { kind: 'http', method: 'OPTIONS', path: '/track' },
    ],
    access: { bus: 'put' },
    secrets: ['VISITOR_TOKEN_SECRET'],
  }),
  engagementRecorder: defineFunction({
    entry: 'functions/engagement-recorder/handler.ts',
    description: 'Records webinar, page-visit, meeting and CRM signals as activities, once each.',
    triggers: [{ kind: 'event', ruleName: 'RecordEngagementSignals', pattern: engagementSignalsPattern }],
    access: { table: 'readWrite', bus: 'put' },
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
      'Sends the first nurture email matched to the interest of a lead that is not ready for sales.',
    triggers: [
      {
        kind: 'event',
        ruleName: 'NurtureScoredLeads',
        pattern: patternFor(contactScored, { stage: ['lead'] }),
      },
    ],
    access: { table: 'readWrite', mail: 'send' },
  }),
} satisfies Record<string, FunctionDeclaration>;

export type FunctionName = keyof typeof functions;
