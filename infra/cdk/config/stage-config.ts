import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { EMAIL_ADDRESS_MAX_LENGTH, EMAIL_ADDRESS_PATTERN } from '#events/vocabulary/email-address.ts';
import { formSitesSchema } from '#shared/intake/forms-config.ts';

/** An address in leadflow's one grammar (events/vocabulary/email-address.ts): alarms and the team's lists. */
const emailAddress = z
  .string()
  .max(EMAIL_ADDRESS_MAX_LENGTH)
  .regex(EMAIL_ADDRESS_PATTERN, 'must be an email address');

/** A stage name prefixes stack and resource names, so it stays short, lower-case and DNS-safe. */
export const stageNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,19}$/, 'use 1-20 lower-case letters, digits or hyphens, starting with a letter');

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/** An origin exactly as browsers send it in the Origin header: scheme, host and port, no path. */
const origin = z
  .string()
  .refine(
    (value) =>
      URL.canParse(value) && new URL(value).origin === value && /^https?:$/.test(new URL(value).protocol),
    {
      error: 'must be an origin such as https://www.example.com (scheme and host, no path or trailing slash)',
    },
  );

/** `Leadflow <leads@example.com>` or `leads@example.com`. */
const sender = z
  .string()
  .refine((value) => /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(/<([^>]+)>/.exec(value)?.[1] ?? value), {
    error: 'must contain an e-mail address, e.g. "Leadflow <leads@example.com>"',
  });

const retentionDays = z
  .number()
  .refine((days) => (Object.values(RetentionDays) as unknown[]).includes(days), {
    error:
      'must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731…',
  });

/** The name of a Secrets Manager secret the operator created beforehand (see docs/integrations.md). */
const secretName = z.string().regex(/^[A-Za-z0-9/_+=.@-]{1,512}$/, 'must be a Secrets Manager secret name');

const crmAuthSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('apiKey'),
    headerName: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name'),
    secretName,
  }),
  z.strictObject({ type: z.literal('basic'), username: z.string().min(1), secretName }),
  z.strictObject({
    type: z.literal('oauthClientCredentials'),
    tokenEndpoint: httpsUrl,
    clientId: z.string().min(1),
    scope: z.string().min(1).optional(),
    secretName,
  }),
]);

const sendingSchema = z
  .strictObject({
    /** Nurture pauses by itself when hard bounces or complaints reach these rates in the window. */
    breaker: z
      .strictObject({
        bounceRate: z.number().gt(0).lt(0.05, 'must stay below SES review threshold of 0.05').default(0.04),
        complaintRate: z
          .number()
          .gt(0)
          .lt(0.001, 'must stay below SES review threshold of 0.001')
          .default(0.0008),
        /** Emails sent in the window before a rate counts: one bounce among ten stops nothing. */
        minSends: z.number().int().min(1).default(500),
        windowHours: z.number().int().min(1).max(2160).default(168),
      })
      .prefault({}),
    /** The share of the 24-hour quota nurture may use; the rest waits for confirmations and notifications. */
    nurtureShare: z.number().gt(0).max(1).default(0.9),
    /** Rising daily caps for nurture on a new sending domain, from startsOn (day 1, UTC). */
    warmUp: z
      .strictObject({
        startsOn: z.iso.date(),
        dailyCaps: z
          .array(z.number().int().min(1))
          .min(1)
          .refine((caps) => caps.every((cap, day) => day === 0 || cap >= (caps[day - 1] ?? 0)), {
            error: 'must not decrease from one day to the next',
          }),
      })
      .optional(),
    /** What the local SES emulator answers to GetAccount (`npm start`): the sandbox's limits. */
    localQuota: z
      .strictObject({
        max24HourSend: z.number().int().min(1).default(200),
        maxSendRate: z.number().int().min(1).default(1),
      })
      .prefault({}),
  })
  .prefault({});

/**
 * Everything that differs between stages, validated before a single construct exists so a typo
 * fails `cdk synth` with the exact path of the mistake instead of a broken deployment.
 */
export const stageConfigSchema = z.strictObject({
  /** Retain and protect data, keep logs longer, alarm more strictly. */
  production: z.boolean().default(false),
  /** Pin the stage to one account and region, so a prod deploy cannot land in the wrong one. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as eu-west-1')
    .optional(),
  mail: z.strictObject({
    /** The sender of nurture mail; its address or domain must be a verified SES identity. */
    from: sender,
    /** Where replies go, when not to the sender (a monitored inbox rather than a no-reply one). */
    replyTo: z.email().optional(),
    /** The company named in every email's footer; the sender's display name when unset. */
    companyName: z.string().trim().min(1).optional(),
    /** The postal address in every email's footer, required by CAN-SPAM and required in production. */
    postalAddress: z.string().trim().min(1).optional(),
    /** Our own pages in every email: `website` (nurture's paths are pages of it) and `privacy`. */
    links: z.strictObject({ website: httpsUrl, privacy: httpsUrl }).catchall(httpsUrl).optional(),
    /** Create the sender's domain as an SES identity with Easy DKIM (its DNS records are stack outputs). */
    createDomainIdentity: z.boolean().default(false),
    /** How nurture protects the sender (docs/deliverability.md). */
    sending: sendingSchema,
  }),
  http: z
    .strictObject({
      /** Base URL of links in emails when a custom domain fronts the API; defaults to the API's own URL. */
      publicBaseUrl: httpsUrl.optional(),
      /** Steady-state requests per second and burst across the whole API (API Gateway token bucket). */
      throttle: z
        .strictObject({
          rateLimit: z.number().int().min(1).max(10_000).default(50),
          burstLimit: z.number().int().min(1).max(5_000).default(100),
        })
        .prefault({}),
      /** Per admin route: people reviewing leads never need more, and a stolen token cannot bulk-export. */
      adminThrottle: z
        .strictObject({
          rateLimit: z.number().int().min(1).max(1_000).default(5),
          burstLimit: z.number().int().min(1).max(1_000).default(10),
        })
        .prefault({}),
      /** Origins allowed to post forms with fetch() (browser CORS); plain <form> posts need none. */
      corsAllowedOrigins: z.array(origin).default([]),
    })
    .prefault({}),
  /**
   * Where each HTML form of shared/intake/forms.json is embedded (allowed origins, thank-you page)
   * and which other pages may send the beacon; checked with the functions' own schema.
   */
  forms: z
    .unknown()
    .optional()
    .transform((value, context) => {
      const parsed = formSitesSchema.safeParse(value ?? {});
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
      return z.NEVER;
    }),
  /** Who in the team hears of leads (the functions with `notify` access get these lists). */
  notifications: z
    .strictObject({
      /** Hear of leads waiting in review and of qualified prospects. */
      sales: z.array(emailAddress).default([]),
      /** Hear of qualified prospects. */
      marketing: z.array(emailAddress).default([]),
      /** Receive the daily digest of new prospects and leads; by default marketing and sales. */
      digest: z.array(emailAddress).optional(),
    })
    .prefault({}),
  logs: z.strictObject({ retentionDays: retentionDays.default(30) }).prefault({}),
  events: z
    .strictObject({
      /** How long every event on the bus is archived for replay. */
      archiveRetentionDays: z.number().int().min(1).max(3650).default(30),
    })
    .prefault({}),
  alarms: z
    .strictObject({
      /** Addresses subscribed to the alarm topic (each confirms by email). */
      emails: z.array(emailAddress).default([]),
      /** Alarm before SES's account review at 5 % bounces. */
      sesBounceRate: z.number().gt(0).lt(0.05, 'must stay below SES review threshold of 0.05').default(0.04),
      /** Alarm before SES's account review at 0.1 % complaints. */
      sesComplaintRate: z
        .number()
        .gt(0)
        .lt(0.001, 'must stay below SES review threshold of 0.001')
        .default(0.0008),
    })
    .prefault({}),
  /** The marketing console: an S3 bucket behind CloudFront, which also passes `/admin/*` to the API. */
  console: z
    .strictObject({
      /** Deploy it (when the app declares admin routes). */
      enabled: z.boolean().default(true),
      /** A custom domain (e.g. `leads.your-domain.com`); its DNS points at the distribution. */
      domainName: z
        .string()
        .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain name such as leads.example.com')
        .optional(),
      /** Its ACM certificate, which CloudFront reads from us-east-1 only. */
      certificateArn: z
        .string()
        .regex(
          /^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
          'must be an ACM certificate ARN in us-east-1 (CloudFront reads certificates there)',
        )
        .optional(),
    })
    .refine((value) => (value.domainName === undefined) === (value.certificateArn === undefined), {
      error: 'domainName and certificateArn go together',
      path: ['certificateArn'],
    })
    .prefault({}),
  /** Deliver every "Prospect Qualified" to a CRM webhook through an EventBridge API destination. */
  crm: z
    .strictObject({
      endpoint: httpsUrl,
      httpMethod: z.enum(['POST', 'PUT']).default('POST'),
      /** Calls per second EventBridge makes at most; it queues and retries the rest. */
      rateLimitPerSecond: z.number().int().min(1).max(300).default(10),
      auth: crmAuthSchema,
    })
    .optional(),
});

/** A stage's validated configuration, with every default filled in. */
export type StageConfig = z.infer<typeof stageConfigSchema> & { readonly name: string };
export type StageConfigInput = z.input<typeof stageConfigSchema>;
export type CrmConfig = NonNullable<StageConfig['crm']>;
