import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** SES message tags, for event destinations and metrics (template name, track…). */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export interface SesMailerOptions {
  readonly from: string;
  readonly configurationSetName?: string;
}

/** Sends through the SES v2 API (the v1 API is legacy), tagged and through the configuration set. */
export function sesMailer(client: SESv2Client, options: SesMailerOptions): Mailer {
  return {
    async send(email) {
      const response = await client.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [email.to] },
          ConfigurationSetName: options.configurationSetName,
          EmailTags: Object.entries(email.tags ?? {}).map(([Name, Value]) => ({
            Name,
            Value: tagValue(Value),
          })),
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Html: { Data: email.html, Charset: 'UTF-8' },
                Text: { Data: email.text, Charset: 'UTF-8' },
              },
            },
          },
        }),
      );
      if (!response.MessageId) throw new Error('SES accepted the email but returned no message id.');
      return { messageId: response.MessageId };
    },
  };
}

/** SES tag values allow only ASCII letters, digits, `_`, `-`, `.` and `@`. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);
}
