import * as z from 'zod/mini';
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
  messageId: z.string().check(z.minLength(1)),
  destination: z.array(z.string()).check(z.minLength(1)),
  tags: z.optional(z.record(z.string(), z.array(z.string()))),
});

const recipient = z.looseObject({ emailAddress: z.string() });
const timestamp = z.iso.datetime({ offset: true });

/**
 * One SES event contract: SES's own shape, which SES versions itself (there is no version field in
 * the detail; `version: 0` says so), with `eventType`, `mail` and the event's own object.
 */
const sesEvent = <Shape extends z.core.$ZodShape>(detailType: string, eventType: string, shape: Shape) =>
  defineEvent({
    source: SES_SOURCE,
    detailType,
    version: 0,
    schema: z.looseObject({ eventType: z.literal(eventType), mail: mailSchema, ...shape }),
  });

/** A bounce: `Permanent` (hard) suppresses the address; `Transient` and `Undetermined` do not. */
export const sesEmailBounced = sesEvent('Email Bounced', 'Bounce', {
  bounce: z.looseObject({
    bounceType: z.string(),
    bounceSubType: z.optional(z.string()),
    bouncedRecipients: z.array(recipient),
    timestamp,
    feedbackId: z.optional(z.string()),
  }),
});

export const sesEmailComplaintReceived = sesEvent('Email Complaint Received', 'Complaint', {
  complaint: z.looseObject({
    complainedRecipients: z.array(recipient),
    timestamp,
    complaintFeedbackType: z.optional(z.string()),
  }),
});

export const sesEmailDelivered = sesEvent('Email Delivered', 'Delivery', {
  delivery: z.looseObject({ timestamp, recipients: z.array(z.string()) }),
});

export const sesEmailOpened = sesEvent('Email Opened', 'Open', { open: z.looseObject({ timestamp }) });

export const sesEmailClicked = sesEvent('Email Clicked', 'Click', {
  click: z.looseObject({ timestamp, link: z.string() }),
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
