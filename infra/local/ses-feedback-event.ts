/** The SES email events the local tools can stand in for (SES local sends mail but no feedback). */
export const SES_EVENT_KINDS = ['Bounce', 'Complaint', 'Delivery', 'Open', 'Click'] as const;
/** The configuration set local mail is sent through, and its SES events carry, as in AWS. */
export const LOCAL_CONFIGURATION_SET = 'leadflow-local';

export type SesEventKind = (typeof SES_EVENT_KINDS)[number];

const DETAIL_TYPES: Readonly<Record<SesEventKind, string>> = {
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Delivery: 'Email Delivered',
  Open: 'Email Opened',
  Click: 'Email Clicked',
};

export interface SesFeedbackInput {
  readonly kind: SesEventKind;
  readonly messageId: string;
  readonly recipient: string;
  readonly at: Date;
  /** The message tags the email was sent with; SES echoes them back, one array of values per name. */
  readonly tags: Readonly<Record<string, string>>;
  readonly link?: string;
  readonly configurationSet?: string;
}

/**
 * An SES email event as SES publishes it to EventBridge: source `aws.ses`, the detail-type, and a
 * detail shaped like the examples of the SES developer guide (`eventType`, `mail` with the tags, and
 * the event's own object). Locally, nothing emits these: `npm run ses-event` and the tests put them
 * on the bus, exactly where the forwarding rule delivers them in AWS.
 */
export function sesFeedbackEvent(input: SesFeedbackInput): {
  source: string;
  detailType: string;
  detail: object;
} {
  const timestamp = input.at.toISOString();
  const own: Record<SesEventKind, object> = {
    Bounce: {
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          {
            emailAddress: input.recipient,
            action: 'failed',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown',
          },
        ],
        timestamp,
        feedbackId: `${input.messageId}-bounce`,
        reportingMTA: 'dsn; mta.example.com',
      },
    },
    Complaint: {
      complaint: {
        complainedRecipients: [{ emailAddress: input.recipient }],
        timestamp,
        feedbackId: `${input.messageId}-complaint`,
        complaintFeedbackType: 'abuse',
      },
    },
    Delivery: {
      delivery: {
        timestamp,
        processingTimeMillis: 546,
        recipients: [input.recipient],
        smtpResponse: '250 ok',
        reportingMTA: 'a8-70.smtp-out.amazonses.com',
      },
    },
    Open: { open: { timestamp, userAgent: 'Mozilla/5.0', ipAddress: '192.0.2.1' } },
    Click: {
      click: {
        timestamp,
        ipAddress: '192.0.2.1',
        userAgent: 'Mozilla/5.0',
        link: input.link ?? 'https://www.example.com/',
        linkTags: {},
      },
    },
  };
  return {
    source: 'aws.ses',
    detailType: DETAIL_TYPES[input.kind],
    detail: {
      eventType: input.kind,
      mail: {
        timestamp,
        source: 'leadflow@example.com',
        sendingAccountId: '000000000000',
        messageId: input.messageId,
        destination: [input.recipient],
        headersTruncated: false,
        tags: {
          'ses:configuration-set': [input.configurationSet ?? LOCAL_CONFIGURATION_SET],
          ...Object.fromEntries(Object.entries(input.tags).map(([name, value]) => [name, [value]])),
        },
      },
      ...own[input.kind],
    },
  };
}
