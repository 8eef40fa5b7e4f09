import { z } from 'zod';
import { defineEvent } from './contract.ts';

/** SES publishes email events to EventBridge with this source (see the SES event publishing docs). */
export const SES_SOURCE = 'aws.ses';

/**
 * The `mail` object every SES email event carries. Our message tags come back under `tags`, one array
 * of values per name, next to SES's own (`ses:configuration-set`, …). SES adds fields over time, so
 * the schemas keep unknown fields instead of refusing them.
 */
const mailSchema = z.looseObject({
  timestamp: z.iso.datetime({ offset: true }),
  messageId: z.string().min(1),
  destination: z.array(z.string()).min(1),
  tags: z.record(z.string(), z.array(z.string())).optional(),
});

const recipient = z.looseObject({ emailAddress: z.string() });

const detail = <Shape extends z.ZodRawShape>(eventType: string, shape: Shape) =>
  z.looseObject({ eventType: z.literal(eventType), mail: mailSchema, ...shape });

/** A bounce: `Permanent` (hard) suppresses the address; `Transient` and `Undetermined` do not. */
export const sesEmailBounced = defineEvent({
  source: SES_SOURCE,
  detailType: 'Email Bounced',
  version: 0,
  schema: detail('Bounce', {
    bounce: z.looseObject({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(recipient),
      timestamp: z.iso.datetime({ offset: true }),
      feedbackId: z.string().optional(),
    }),
  }),
});

export const sesEmailComplaintReceived = defineEvent({
  source: SES_SOURCE,
  detailType: 'Email Complaint Received',
  version: 0,
  schema: detail('Complaint', {
    complaint: z.looseObject({
      complainedRecipients: z.array(recipient),
      timestamp: z.iso.datetime({ offset: true }),
      feedbackId: z.string().optional(),
      complaintFeedbackType: z.string().optional(),
    }),
  }),
});

export const sesEmailDelivered = defineEvent({
  source: SES_SOURCE,
  detailType: 'Email Delivered',
  version: 0,
  schema: detail('Delivery', {
    delivery: z.looseObject({ timestamp: z.iso.datetime({ offset: true }), recipients: z.array(z.string()) }),
  }),
});

export const sesEmailOpened = defineEvent({
  source: SES_SOURCE,
  detailType: 'Email Opened',
  version: 0,
  schema: detail('Open', {
    open: z.looseObject({ timestamp: z.iso.datetime({ offset: true }) }),
  }),
});

export const sesEmailClicked = defineEvent({
  source: SES_SOURCE,
  detailType: 'Email Clicked',
  version: 0,
  schema: detail('Click', {
    click: z.looseObject({ timestamp: z.iso.datetime({ offset: true }), link: z.string() }),
  }),
});

/** The SES feedback leadflow acts on, by detail-type. */
export const SES_EMAIL_EVENTS = [
  sesEmailBounced,
  sesEmailComplaintReceived,
  sesEmailDelivered,
  sesEmailOpened,
  sesEmailClicked,
] as const;

/** The rule pattern for all of them; in AWS they reach the application bus from the default bus. */
export const sesEmailEventsPattern = {
  source: [SES_SOURCE],
  'detail-type': SES_EMAIL_EVENTS.map((contract) => contract.detailType),
} as const;
