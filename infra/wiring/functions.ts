import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { contactScored } from '#events/contact-scored.ts';
import { patternFor } from '#events/contract.ts';
import { defineFunction, type FunctionDeclaration } from './types.ts';

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
