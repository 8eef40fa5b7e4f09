import { bulkJobFinished } from '#events/bulk-job-finished.ts';
import { bulkJobPieceReady } from '#events/bulk-job-piece-ready.ts';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { contactScored } from '#events/contact-scored.ts';
import { patternFor } from '#events/contract.ts';
import { dealWon } from '#events/deal-won.ts';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { sesEmailEventsPattern } from '#events/ses-email-events.ts';
import { ACTIVITY_RETENTION_ENV, DEFAULT_ACTIVITY_RETENTION_DAYS } from '#shared/activity/retention.ts';
import { BULK_ENV, DEFAULT_BULK_SETTINGS } from '#shared/bulk/job-settings.ts';
import { engagementSignalsPattern } from '#shared/engagement/signals-from-events.ts';
import { SLOT_WAIT_ENV } from '#shared/nurture/send-rate.ts';
import { SECRETS } from '#shared/runtime/settings.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { defineFunction, type FunctionDeclaration } from './types.ts';

/**
 * The repository's scoring model, validated as this module loads (so an invalid model stops
 * `npm start` and `cdk synth` with the exact path of each error) and shown in each function's
 * configuration. It is version 1 of the published model: the functions run the version in force
 * in the table (`npm run config -- history scoring-model`), this one until something is published.
 */
const scoringModel = { LEADFLOW_SCORING_MODEL_VERSION: defaultScoringModel.version };

/**
 * The language and clock of the team's emails (notifications, digest, follow-ups): `en` or `fr`,
 * and an IANA time zone. Slack hears of nothing until `LEADFLOW_SLACK_NOTIFY` names the notices
 * (`review-requested`, `prospect-qualified`) and the sales notifier declares the
 * `SLACK_WEBHOOK_URL` secret (docs/sales.md).
 */
const TEAM_NOTICES = {
  LEADFLOW_TEAM_LOCALE: 'en',
  LEADFLOW_TEAM_TIME_ZONE: 'UTC',
  LEADFLOW_SLACK_NOTIFY: '',
} as const;

/**
 * What both nurture senders may touch: the table, SES, and the key of the links in every email;
 * the team lists, so marketing hears when nurture pauses or waits for the quota. The send rate and
 * the quota are the account's, as SES's GetAccount reports them, not settings.
 */
const NURTURE_SENDER = {
  access: { table: 'readWrite', mail: 'send', notify: 'team' },
  secrets: [SECRETS.mailToken.name],
} as const;

/**
 * How long activities are kept (days) by every function that records them; the table's TTL removes
 * older ones. docs/privacy.md (Retention) says what that means for scores.
 */
const RETENTION = { [ACTIVITY_RETENTION_ENV]: String(DEFAULT_ACTIVITY_RETENTION_DAYS) };

/**
 * How hard a bulk job may push the table: each of its segments is one chain of invocations, so a
 * job runs at most `maxSegments` pieces at once, each with `itemConcurrency` items in flight.
 * Raise them for a table in on-demand mode; see docs/bulk-jobs.md for the arithmetic.
 */
const BULK_SETTINGS = Object.fromEntries(
  (Object.keys(BULK_ENV) as (keyof typeof BULK_ENV)[]).map((key) => [
    BULK_ENV[key],
    String(DEFAULT_BULK_SETTINGS[key]),
  ]),
);

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
    access: { table: 'readWrite', bus: 'put', forms: 'receive' },
    secrets: [
      SECRETS.webhookGeneric.name,
      SECRETS.webhookTypeform.name,
      SECRETS.webhookTally.name,
      SECRETS.webhookWebflow.name,
      SECRETS.visitorToken.name,
    ],
    environment: RETENTION,
  }),
  visitTracker: defineFunction({
    entry: 'functions/visit-tracker/handler.ts',
    description:
      'Forwards page visits of contacts known from a form (signed visitor token); drops anonymous ones.',
    triggers: [
      { kind: 'http', method: 'POST', path: '/track' },
      { kind: 'http', method: 'OPTIONS', path: '/track' },
    ],
    access: { bus: 'put', forms: 'receive' },
    secrets: [SECRETS.visitorToken.name],
  }),
  engagementRecorder: defineFunction({
    entry: 'functions/engagement-recorder/handler.ts',
    description: 'Records webinar, page-visit, meeting and CRM signals as activities, once each.',
    triggers: [{ kind: 'event', ruleName: 'RecordEngagementSignals', pattern: engagementSignalsPattern }],
    access: { table: 'readWrite', bus: 'put' },
    environment: RETENTION,
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
    environment: scoringModel,
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
    secrets: [SECRETS.mailToken.name],
    environment: RETENTION,
  }),
  sesFeedback: defineFunction({
    entry: 'functions/ses-feedback/handler.ts',
    description: 'Suppresses bounced and complaining addresses and turns opens and clicks into activities.',
    triggers: [{ kind: 'event', ruleName: 'RecordSesFeedback', pattern: sesEmailEventsPattern }],
    access: { table: 'readWrite', bus: 'put' },
    environment: RETENTION,
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
    // Who gets the digest comes from the stage configuration (`notifications`); none, no digest.
    access: { table: 'readWrite', mail: 'send', notify: 'digest' },
    // Room for two copies to wait behind nurture's backlog; a test holds every wait inside it.
    timeoutSeconds: 60,
    environment: {
      [SLOT_WAIT_ENV.dailyDigest]: '40000',
      LEADFLOW_TEAM_LOCALE: TEAM_NOTICES.LEADFLOW_TEAM_LOCALE,
      LEADFLOW_TEAM_TIME_ZONE: TEAM_NOTICES.LEADFLOW_TEAM_TIME_ZONE,
    },
  }),
  adminApi: defineFunction({
    entry: 'functions/admin-api/handler.ts',
    description:
      'The sales review API: review queue and decisions, a contact in full, its GDPR export and erasure, contact imports, and the sending status with its resume decision.',
    triggers: [
      { kind: 'http', method: 'GET', path: '/admin/reviews', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/reviews/{contactId}', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/contacts', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/contacts/{contactId}/export', auth: 'admin' },
      { kind: 'http', method: 'DELETE', path: '/admin/contacts/{contactId}', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/contacts/{contactId}/owner', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/follow-ups', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/sending', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/sending/resume', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/imports/preview', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/imports', auth: 'admin' },
    ],
    access: { table: 'readWrite', bus: 'put', mail: 'status' },
    secrets: [SECRETS.adminToken.name],
    environment: scoringModel,
  }),
  salesNotifier: defineFunction({
    entry: 'functions/sales-notifier/handler.ts',
    description:
      'Emails sales (and marketing) when a lead enters review and when a prospect is qualified; once per bulk re-score.',
    triggers: [
      { kind: 'event', ruleName: 'NotifySalesOfReview', pattern: patternFor(leadReviewRequested) },
      { kind: 'event', ruleName: 'NotifySalesOfProspect', pattern: patternFor(prospectQualified) },
      {
        kind: 'event',
        ruleName: 'NotifySalesOfBulkRescore',
        pattern: patternFor(bulkJobFinished, { kind: ['rescore-all'] }),
      },
    ],
    // Who hears of it comes from the stage configuration (`notifications`); none, no email.
    access: { table: 'readWrite', mail: 'send', notify: 'team' },
    environment: { ...TEAM_NOTICES, [SLOT_WAIT_ENV.salesNotifier]: '20000' },
    // The slot wait, the sends and their writes, with room to spare: a test holds it.
    timeoutSeconds: 30,
  }),
  followUpTracker: defineFunction({
    entry: 'functions/follow-up-tracker/handler.ts',
    description:
      'Opens a follow-up with its deadline for each hand-off, and closes it on the decision or first touch.',
    triggers: [
      { kind: 'event', ruleName: 'OpenReviewFollowUps', pattern: patternFor(leadReviewRequested) },
      { kind: 'event', ruleName: 'OpenFirstTouchFollowUps', pattern: patternFor(prospectQualified) },
      { kind: 'event', ruleName: 'CloseFollowUpsOnStageChange', pattern: patternFor(contactScored) },
      {
        kind: 'event',
        ruleName: 'CloseFollowUpsOnFirstTouch',
        pattern: patternFor(contactActivityRecorded, { activityType: ['sales_interaction'] }),
      },
    ],
    access: { table: 'readWrite' },
  }),
  followUpNotifier: defineFunction({
    entry: 'functions/follow-up-notifier/handler.ts',
    description: 'Reminds owners of follow-ups due soon, and tells team leads of overdue ones.',
    triggers: [{ kind: 'schedule', ruleName: 'SendFollowUpNotices', expression: 'rate(15 minutes)' }],
    access: { table: 'readWrite', mail: 'send' },
    // Each notice waits for a slot as a team notification does; every wait ends inside the run.
    environment: { [SLOT_WAIT_ENV.salesNotifier]: '20000' },
    timeoutSeconds: 60,
  }),
  dealRecorder: defineFunction({
    entry: 'functions/deal-recorder/handler.ts',
    description: 'Makes a contact a customer when the CRM reports its deal won.',
    triggers: [{ kind: 'event', ruleName: 'RecordWonDeals', pattern: patternFor(dealWon) }],
    access: { table: 'readWrite', bus: 'put' },
    environment: scoringModel,
  }),
  scoreRefresher: defineFunction({
    entry: 'functions/score-refresher/handler.ts',
    description:
      'Relays lost activity announcements, then starts the bulk job that re-scores every contact due (decay, unannounced hand-offs).',
    triggers: [{ kind: 'schedule', ruleName: 'RefreshStaleScores', expression: 'rate(1 hour)' }],
    // The drain's estimate is a count Query of the schedule, so no `scan`; `bus` for its first pieces.
    access: { table: 'readWrite', bus: 'put' },
    environment: { ...scoringModel, ...BULK_SETTINGS },
    timeoutSeconds: 60,
  }),
  adminInsights: defineFunction({
    entry: 'functions/admin-insights/handler.ts',
    description:
      "The marketing console's read API: the funnel, the contact list and one contact, the published model.",
    triggers: [
      { kind: 'http', method: 'GET', path: '/admin/funnel', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/contacts/search', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/contacts/{contactId}', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/model', auth: 'admin' },
    ],
    access: { table: 'read' },
    secrets: [SECRETS.adminToken.name],
    environment: scoringModel,
  }),
  configAdmin: defineFunction({
    entry: 'functions/config-admin/handler.ts',
    description:
      'The configuration API: versions in force, history, validation with the diff, publish and rollback (publishers only), audit.',
    triggers: [
      { kind: 'http', method: 'GET', path: '/admin/config', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/config/{kind}', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/config/{kind}/history', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/config/{kind}/versions/{version}', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/config/{kind}/validate', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/config/{kind}/publish', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/config/{kind}/rollback', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/config-audit', auth: 'admin' },
    ],
    access: { table: 'readWrite' },
    secrets: [SECRETS.adminToken.name, SECRETS.publishToken.name],
  }),
  funnelRecorder: defineFunction({
    entry: 'functions/funnel-recorder/handler.ts',
    description:
      'Counts each funnel fact (new lead, review, qualification, recycle, disqualification) once, by day.',
    triggers: [
      { kind: 'event', ruleName: 'CountScoredContacts', pattern: patternFor(contactScored) },
      { kind: 'event', ruleName: 'CountReviewRequests', pattern: patternFor(leadReviewRequested) },
      { kind: 'event', ruleName: 'CountQualifications', pattern: patternFor(prospectQualified) },
    ],
    access: { table: 'readWrite' },
  }),
  bulkJobsApi: defineFunction({
    entry: 'functions/bulk-jobs-api/handler.ts',
    description:
      'The bulk-jobs API: lists, shows, starts and cancels jobs; a candidate model simulated over every contact.',
    triggers: [
      { kind: 'http', method: 'GET', path: '/admin/jobs', auth: 'admin' },
      { kind: 'http', method: 'GET', path: '/admin/jobs/{jobId}', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/jobs', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/jobs/{jobId}/cancel', auth: 'admin' },
      { kind: 'http', method: 'POST', path: '/admin/model/simulate', auth: 'admin' },
    ],
    // `scan` for the estimate of a new job's items (the table's description), `bus` for its first pieces.
    access: { table: 'readWrite', scan: 'parallel', bus: 'put' },
    secrets: [SECRETS.adminToken.name],
    environment: { ...scoringModel, ...BULK_SETTINGS },
  }),
  bulkWorker: defineFunction({
    entry: 'functions/bulk-worker/handler.ts',
    description:
      'Runs bulk jobs piece by piece (re-score all, simulate, backfills, the stale-score drain), handing each continuation on before its deadline.',
    triggers: [
      { kind: 'event', ruleName: 'RunBulkJobPieces', pattern: patternFor(bulkJobPieceReady) },
      // The safety net: pieces lost on the way are handed on again, finished jobs summed up.
      { kind: 'schedule', ruleName: 'SweepBulkJobs', expression: 'rate(5 minutes)' },
    ],
    access: { table: 'readWrite', scan: 'parallel', bus: 'put' },
    environment: { ...scoringModel, ...RETENTION, ...BULK_SETTINGS },
    // A piece stops reading with 20 s left (PIECE_SAFETY_MARGIN_MS) and hands on; 2 minutes keeps
    // a lost piece's restart prompt. The memory is for CPU: scoring is compute, Lambda scales CPU with it.
    timeoutSeconds: 120,
    memoryMb: 1024,
  }),
} satisfies Record<string, FunctionDeclaration>;

export type FunctionName = keyof typeof functions;
