import * as z from 'zod/mini';
import { normalizeEmail } from '#shared/contact/email.ts';
import { type FormSites, formSitesSchema } from '#shared/intake/forms-config.ts';

/**
 * The settings catalogue: every run-time setting and secret a function reads, declared once with
 * its name, parser, default and one line of doc. Function code reads them through `readSetting`,
 * never `process.env` (lint holds that), and `npm run docs:configuration` writes
 * docs/configuration.md from this list. Add a setting here, then give it a value where `setBy` says.
 */

/** An environment as a function sees it: `process.env` in Lambda, a plain object in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface Setting<Value> {
  /** The environment variable. */
  readonly name: string;
  /** One line for docs/configuration.md: what it changes. */
  readonly doc: string;
  /** Where its value comes from: the wiring, the stage configuration, Powertools' own docs… */
  readonly setBy: string;
  /** The value when it is unset, as the docs show it; none means the function refuses to start. */
  readonly defaultText?: string;
  /** The value when it is unset, for code that states it (a retention, a rate). */
  readonly defaultValue?: Value;
  /** Parses the raw value (undefined when unset), throwing a sentence that names the variable. */
  readonly parse: (raw: string | undefined) => Value;
}

/** A secret: read through `readSecret(name)`, never a plain setting (see shared/adapters/secrets.ts). */
export interface Secret {
  readonly name: string;
  readonly doc: string;
  /** The functions' declared `secrets` in infra/wiring/functions.ts, and where an operator creates it. */
  readonly setBy: string;
}

const nonEmpty = z.string().check(z.trim(), z.minLength(1));

function present(raw: string | undefined): string | undefined {
  const parsed = nonEmpty.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A text that must be set: a missing one fails the cold start with its name, not an SDK call later. */
function requiredText(name: string, doc: string, setBy: string): Setting<string> {
  return {
    name,
    doc,
    setBy,
    parse: (raw) => {
      const value = present(raw);
      if (value === undefined) throw new Error(`Environment variable ${name} is required but is not set.`);
      return value;
    },
  };
}

function optionalText(name: string, doc: string, setBy: string): Setting<string | undefined> {
  return { name, doc, setBy, defaultText: 'unset', parse: present };
}

interface WholeNumberOptions {
  readonly min: number;
  readonly max?: number;
  readonly default?: number;
  /** How the error names the unit: "emails per second", "days"… */
  readonly unit?: string;
}

function wholeNumber(name: string, doc: string, setBy: string, options: WholeNumberOptions): Setting<number> {
  const range =
    options.max === undefined ? `, at least ${options.min}` : ` from ${options.min} to ${options.max}`;
  const sentence = `${name} must be a whole number${options.unit ? ` of ${options.unit}` : ''}${range}.`;
  const schema = z.coerce
    .number()
    .check(z.int(), z.minimum(options.min), z.maximum(options.max ?? Number.MAX_SAFE_INTEGER));
  return {
    name,
    doc,
    setBy,
    ...(options.default === undefined
      ? {}
      : { defaultText: String(options.default), defaultValue: options.default }),
    parse: (raw) => {
      const value = present(raw);
      if (value === undefined) {
        if (options.default !== undefined) return options.default;
        throw new Error(`Environment variable ${name} is required but is not set.`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(sentence);
      return parsed.data;
    },
  };
}

/** Comma-, semicolon- or space-separated addresses, each checked, normalized and listed once. */
function addressList(name: string, doc: string, setBy: string): Setting<readonly string[]> {
  return {
    name,
    doc,
    setBy,
    defaultText: 'none',
    defaultValue: [],
    parse: (raw) => {
      const entries = (raw ?? '').split(/[\s,;]+/).filter((entry) => entry !== '');
      const addresses = entries.map((entry) => {
        const normalized = normalizeEmail(entry);
        if (!normalized.ok) {
          throw new Error(`${name} holds an invalid address ("${entry}"): ${normalized.reason}`);
        }
        return normalized.email;
      });
      return [...new Set(addresses)];
    },
  };
}

/** The stage configuration's `forms` block as JSON, checked as the function loads; unset, no sites. */
function formSites(name: string, doc: string, setBy: string): Setting<FormSites> {
  return {
    name,
    doc,
    setBy,
    defaultText: 'no HTML form placed, no beacon page',
    parse: (raw) => {
      let json: unknown;
      try {
        json = JSON.parse(present(raw) ?? '{}');
      } catch {
        throw new Error(`${name} is not valid JSON.`);
      }
      const parsed = formSitesSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${name} is not valid:\n${z.prettifyError(parsed.error)}`);
      return parsed.data;
    },
  };
}

/**
 * Two years: far past the point where engagement has decayed to nothing (a 30-day half-life leaves
 * under a millionth after two years), and a common answer to GDPR's storage limitation for B2B leads.
 */
const TWO_YEARS_IN_DAYS = 730;

const WIRING_ACCESS = "the wiring, from the function's declared access";
/** Where a deploy-time value of the team's lists is written: the stage's file, read by CDK and `npm start`. */
const stageConfig = (key: string) =>
  `the stage configuration's \`${key}\` (infra/cdk/config/<stage>.json; \`npm start\` reads dev.json), given to functions with \`notify\` access`;
const WIRING = 'the wiring declaration (infra/wiring/functions.ts)';

export const SETTINGS = {
  tableName: requiredText('LEADFLOW_TABLE_NAME', 'The contacts table (single-table design).', WIRING_ACCESS),
  eventBusName: requiredText(
    'LEADFLOW_EVENT_BUS_NAME',
    "The application's EventBridge bus, which every event is put on.",
    WIRING_ACCESS,
  ),
  mailFrom: requiredText(
    'LEADFLOW_MAIL_FROM',
    'The sender of every email; its address or domain is a verified SES identity.',
    `${WIRING_ACCESS} (\`mail\`) and the stage configuration's \`mail.from\``,
  ),
  mailConfigurationSet: optionalText(
    'LEADFLOW_SES_CONFIGURATION_SET',
    'The SES configuration set every email goes through (event destinations, reputation metrics).',
    `${WIRING_ACCESS} (\`mail\`); absent locally`,
  ),
  publicBaseUrl: optionalText(
    'LEADFLOW_PUBLIC_BASE_URL',
    'Base URL of the links in emails (confirmation, unsubscribe, preferences, the review queue).',
    "the stage configuration's `http.publicBaseUrl`, else the API's own URL; locally the gateway",
  ),
  consoleUrl: optionalText(
    'LEADFLOW_CONSOLE_URL',
    'Where the marketing console is served: the buttons of team notifications open it; unset, no buttons.',
    "the console's custom domain (`console.domainName`) in AWS; locally the gateway",
  ),
  teamLocale: optionalText(
    'LEADFLOW_TEAM_LOCALE',
    'The language of the team notifications and digest: `en` (unset) or `fr`.',
    WIRING,
  ),
  teamTimeZone: optionalText(
    'LEADFLOW_TEAM_TIME_ZONE',
    'The IANA time zone dates in team notifications are shown in (unset: UTC).',
    WIRING,
  ),
  slackNotify: optionalText(
    'LEADFLOW_SLACK_NOTIFY',
    'Which notices the Slack channel hears of: `review-requested`, `prospect-qualified`, or both; unset, none.',
    WIRING,
  ),
  activityRetentionDays: wholeNumber(
    'LEADFLOW_ACTIVITY_RETENTION_DAYS',
    "How long an activity is kept, in days from when it happened; the table's TTL removes older ones.",
    WIRING,
    { min: 1, max: 3650, default: TWO_YEARS_IN_DAYS, unit: 'days' },
  ),
  bulkMaxSegments: wholeNumber(
    'LEADFLOW_BULK_MAX_SEGMENTS',
    "Most segments a bulk job fans out into; each is one chain of invocations, so it is the job's concurrency.",
    WIRING,
    { min: 1, max: 256, default: 8, unit: 'segments' },
  ),
  bulkItemConcurrency: wholeNumber(
    'LEADFLOW_BULK_ITEM_CONCURRENCY',
    'Items one piece of a bulk job processes side by side.',
    WIRING,
    { min: 1, max: 64, default: 8, unit: 'items' },
  ),
  bulkPageSize: wholeNumber(
    'LEADFLOW_BULK_PAGE_SIZE',
    "Items a bulk job's segment reads per page (one Scan or Query call).",
    WIRING,
    { min: 1, max: 1000, default: 100, unit: 'items' },
  ),
  bulkPagesPerPiece: wholeNumber(
    'LEADFLOW_BULK_PAGES_PER_PIECE',
    'Most pages one piece of a bulk job reads before it hands on, even with time to spare.',
    WIRING,
    { min: 1, max: 10_000, default: 100, unit: 'pages' },
  ),
  mailSender: optionalText(
    'LEADFLOW_MAIL_SENDER',
    "The sender's identity in every email (company, postal address, reply-to, site and privacy links), as JSON.",
    `${WIRING_ACCESS} (\`mail: 'send'\`), from the stage configuration's \`mail\``,
  ),
  sendingPolicy: optionalText(
    'LEADFLOW_SENDING_POLICY',
    "The reputation breaker's thresholds, nurture's share of the SES quota and the warm-up schedule, as JSON; defaults when unset.",
    `${WIRING_ACCESS} (\`mail\`), from the stage configuration's \`mail.sending\``,
  ),
  notifySlotWaitMs: wholeNumber(
    'LEADFLOW_NOTIFY_SLOT_WAIT_MS',
    "How long one invocation of the sales notifier waits for sending slots (ms); a test holds it inside the function's timeout.",
    WIRING,
    { min: 0, unit: 'milliseconds' },
  ),
  digestSlotWaitMs: wholeNumber(
    'LEADFLOW_DIGEST_SLOT_WAIT_MS',
    "How long one run of the daily digest waits for sending slots (ms); a test holds it inside the function's timeout.",
    WIRING,
    { min: 0, unit: 'milliseconds' },
  ),
  salesNotify: addressList(
    'LEADFLOW_SALES_NOTIFY',
    'Who hears of leads waiting in review and of qualified prospects.',
    stageConfig('notifications.sales'),
  ),
  marketingNotify: addressList(
    'LEADFLOW_MARKETING_NOTIFY',
    'Who hears of qualified prospects (besides sales).',
    stageConfig('notifications.marketing'),
  ),
  digestRecipients: addressList(
    'LEADFLOW_DIGEST_RECIPIENTS',
    'Who receives the daily digest of new prospects and leads.',
    `${stageConfig('notifications.digest')}; by default the marketing and sales lists`,
  ),
  formSites: formSites(
    'LEADFLOW_FORM_SITES',
    'Where the HTML forms are embedded: allowed origins and thank-you page per form, and beacon pages.',
    "the stage configuration's `forms` (`npm start` reads dev.json), given to functions with `forms` access",
  ),
  scoringModelVersion: optionalText(
    'LEADFLOW_SCORING_MODEL_VERSION',
    'The scoring model version a function runs, shown in its configuration for operators (not read).',
    WIRING,
  ),
  metricsNamespace: optionalText(
    'POWERTOOLS_METRICS_NAMESPACE',
    "CloudWatch namespace of leadflow's metrics; unset, no metric is emitted (locally, in tests).",
    'the CDK function construct',
  ),
  stage: optionalText(
    'LEADFLOW_STAGE',
    'The stage name, a dimension of every metric.',
    'the CDK function construct',
  ),
  logLevel: {
    ...optionalText(
      'POWERTOOLS_LOG_LEVEL',
      "Powertools' log level; read by Powertools itself.",
      'unset in AWS; SILENT in the vitest configuration, which a test that reads logs overrides',
    ),
    defaultText: 'INFO',
  },
} as const;

const SECRET_SETBY = "the functions' declared `secrets`; in AWS a Secrets Manager secret (docs/deploy.md)";

export const SECRETS = {
  webhookGeneric: {
    name: 'WEBHOOK_SECRET_GENERIC',
    doc: 'Standard Webhooks signing secret of the generic JSON form source.',
    setBy: SECRET_SETBY,
  },
  webhookTypeform: {
    name: 'WEBHOOK_SECRET_TYPEFORM',
    doc: "Typeform's webhook signing secret.",
    setBy: SECRET_SETBY,
  },
  webhookTally: { name: 'WEBHOOK_SECRET_TALLY', doc: "Tally's webhook signing secret.", setBy: SECRET_SETBY },
  webhookWebflow: {
    name: 'WEBHOOK_SECRET_WEBFLOW',
    doc: "Webflow's webhook signing secret.",
    setBy: SECRET_SETBY,
  },
  visitorToken: {
    name: 'VISITOR_TOKEN_SECRET',
    doc: 'Key of the visitor tokens that tie page visits to a contact known from a form.',
    setBy: SECRET_SETBY,
  },
  mailToken: {
    name: 'MAIL_TOKEN_SECRET',
    doc: 'Key of the signed links in emails (confirm, unsubscribe, preferences).',
    setBy: SECRET_SETBY,
  },
  slackWebhook: {
    name: 'SLACK_WEBHOOK_URL',
    doc: "The Slack incoming webhook's URL (the URL is the credential), when LEADFLOW_SLACK_NOTIFY names notices.",
    setBy: SECRET_SETBY,
  },
  adminToken: {
    name: 'LEADFLOW_ADMIN_TOKEN',
    doc: 'Bearer token of the admin routes where no Cognito authorizer stands in front (local runtime).',
    setBy: SECRET_SETBY,
  },
  publishToken: {
    name: 'LEADFLOW_PUBLISH_TOKEN',
    doc: 'Second token that publishing configuration needs where no Cognito group says so (local runtime, automation).',
    setBy: SECRET_SETBY,
  },
} as const satisfies Record<string, Secret>;

/** Reads one setting from the environment, parsed and checked (a bad value throws, naming it). */
export function readSetting<Value>(setting: Setting<Value>, env: Environment = process.env): Value {
  return setting.parse(env[setting.name]);
}

/** Reads an optional setting that this function cannot run without (links need a base URL). */
export function requiredSetting(setting: Setting<string | undefined>, env?: Environment): string {
  const value = readSetting(setting, env);
  if (value === undefined)
    throw new Error(`Environment variable ${setting.name} is required but is not set.`);
  return value;
}

/**
 * Where a secret's value is: inline as `<NAME>` (local runtime, tests) or in Secrets Manager as
 * `<NAME>_SECRET_ARN` (AWS), so a secret never sits in plain text in a Lambda's configuration.
 */
export function secretLocation(
  name: string,
  env: Environment = process.env,
): { readonly value?: string; readonly arn?: string } {
  // The value as given, untrimmed: a secret's spaces are part of it.
  return { value: env[name] || undefined, arn: present(env[`${name}_SECRET_ARN`]) };
}
