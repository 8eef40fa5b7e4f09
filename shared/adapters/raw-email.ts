import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutgoingEmail } from '#shared/nurture/mailer.ts';

export interface RawEmailOptions {
  /** `leads@example.com` or `Leadflow <leads@example.com>`. */
  readonly from: string;
  readonly replyTo?: string;
  readonly date: Date;
}

/**
 * The exact MIME message leadflow hands SES: multipart/alternative with the text part first and the
 * HTML last (clients show the last one they can), a Date, a Message-ID on the sender's own domain
 * (a missing or foreign one costs spam-filter points), and the extra headers such as RFC 8058's
 * one-click unsubscribe. Built by nodemailer's composer, which folds and encodes every header, so
 * non-ASCII names and subjects arrive intact.
 */
export async function composeRawEmail(email: OutgoingEmail, options: RawEmailOptions): Promise<Buffer> {
  const headers = safeHeaders(email.headers ?? {});
  const domain = (/<([^>]+)>/.exec(options.from)?.[1] ?? options.from).split('@').at(-1)?.trim();
  const composer = new MailComposer({
    from: options.from,
    to: email.to,
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers,
    date: options.date,
    messageId: `<${randomUUID()}@${domain}>`,
  });
  return composer.compile().build();
}

/** A header value with a line break would start a header of its own: refused, never sent. */
function safeHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n]/.test(name + value) || !/^[A-Za-z0-9-]+$/.test(name)) {
      throw new Error(`The email header ${JSON.stringify(name)} is not a single safe header line.`);
    }
  }
  return { ...headers };
}
