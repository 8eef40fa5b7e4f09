import { scheduledEvent } from '#infra/local/scheduler.ts';
import type { LocalPipeline } from './local-pipeline.ts';

/** An email as aws-ses-v2-local keeps it, with the headers SES would send. */
export interface SentMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
}

/** Runs the scheduled nurture sender once, as its schedule would, at the current (test) time. */
export async function runNurtureSender(pipeline: LocalPipeline): Promise<void> {
  await pipeline.runtime.invoke(
    'nurtureSender',
    scheduledEvent({
      ruleName: 'SendDueNurtureEmails',
      time: new Date(),
      region: 'us-east-1',
      accountId: '000000000000',
    }),
  );
  await pipeline.settled();
}

export async function mailsTo(pipeline: LocalPipeline, address: string): Promise<SentMail[]> {
  const store = (await (await fetch(`${pipeline.runtime.urls.ses}/store`)).json()) as { emails: SentMail[] };
  return store.emails.filter((email) => email.destination.to.includes(address));
}

export function header(mail: SentMail | undefined, name: string): string | undefined {
  return mail?.headers?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())?.value;
}

/** The first link to `path` in an email's text part (the text part keeps links as `<url>`). */
export function linkIn(mail: SentMail | undefined, path: string): string {
  const match = new RegExp(`<(http[^>]*${path}\\?token=[^>]+)>`).exec(mail?.body.text ?? '');
  if (!match?.[1]) throw new Error(`No ${path} link in the email "${mail?.subject}".`);
  return match[1];
}

export async function item(pipeline: LocalPipeline, contactId: string, sk: string) {
  return (await pipeline.contactItems(contactId)).find((candidate) => candidate.sk === sk);
}

export async function emailItems(pipeline: LocalPipeline, contactId: string) {
  return (await pipeline.contactItems(contactId))
    .filter((candidate) => String(candidate.sk).startsWith('EMAIL#'))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

/**
 * An SES email event as SES publishes it to EventBridge (detail shaped like the examples in the SES
 * developer guide: `eventType`, `mail` with our tags echoed back, and the event's own object),
 * put on the local bus the way the default-bus forwarding rule delivers it in AWS.
 */
export async function putSesEvent(
  pipeline: LocalPipeline,
  mail: SentMail,
  kind: 'Bounce' | 'Complaint' | 'Delivery' | 'Open' | 'Click',
  at: Date,
  tags: Record<string, string>,
): Promise<void> {
  const timestamp = at.toISOString();
  const recipient = mail.destination.to[0] ?? '';
  const detailType = {
    Bounce: 'Email Bounced',
    Complaint: 'Email Complaint Received',
    Delivery: 'Email Delivered',
    Open: 'Email Opened',
    Click: 'Email Clicked',
  }[kind];
  const own = {
    Bounce: {
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          {
            emailAddress: recipient,
            action: 'failed',
            status: '5.1.1',
            diagnosticCode: 'smtp; 550 5.1.1 user unknown',
          },
        ],
        timestamp,
        feedbackId: '0100017f-bounce-feedback-000000',
        reportingMTA: 'dsn; mta.example.com',
      },
    },
    Complaint: {
      complaint: {
        complainedRecipients: [{ emailAddress: recipient }],
        timestamp,
        feedbackId: '0100017f-complaint-feedback-000000',
        complaintFeedbackType: 'abuse',
      },
    },
    Delivery: {
      delivery: {
        timestamp,
        processingTimeMillis: 546,
        recipients: [recipient],
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
        link: 'https://www.example.com/resources/white-papers',
        linkTags: {},
      },
    },
  }[kind];
  pipeline.runtime.bus.put({
    source: 'aws.ses',
    detailType,
    detail: {
      eventType: kind,
      mail: {
        timestamp,
        source: 'leadflow@example.com',
        sendingAccountId: '000000000000',
        messageId: mail.messageId,
        destination: mail.destination.to,
        headersTruncated: false,
        tags: {
          'ses:configuration-set': ['leadflow-local'],
          ...Object.fromEntries(Object.entries(tags).map(([name, value]) => [name, [value]])),
        },
      },
      ...own,
    },
  });
  await pipeline.settled();
}
