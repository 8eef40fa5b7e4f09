/** One email as a use case composed it, ready for any mailer. */
export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** SES message tags, for event destinations and metrics (template name, track…). */
  readonly tags?: Readonly<Record<string, string>>;
  /** Extra message headers, such as RFC 8058's List-Unsubscribe and List-Unsubscribe-Post. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The port every email leaves through: SES v2 (shared/adapters/ses-mailer.ts), a fake in unit tests. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * SES kept refusing for going too fast (or over the daily quota) after the client's own retries:
 * callers stop sending for now and leave the rest due, instead of failing email after email.
 */
export class MailThrottledError extends Error {
  override name = 'MailThrottledError';
}
