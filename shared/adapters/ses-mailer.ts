import { type SESv2Client, SendEmailCommand, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { type Mailer, MailThrottledError } from '#shared/nurture/mailer.ts';

export interface SesMailerOptions {
  readonly from: string;
  readonly configurationSetName?: string;
}

/** Error names SES v2 uses for "slow down"; the SDK's adaptive retry has already backed off on them. */
const THROTTLING_ERRORS = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'LimitExceededException',
  'SendingPausedException',
]);

/** Sends through the SES v2 API (the v1 API is legacy), tagged and through the configuration set. */
export function sesMailer(client: SESv2Client, options: SesMailerOptions): Mailer {
  return {
    async send(email) {
      let response: SendEmailCommandOutput;
      try {
        response = await client.send(
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
                ...(email.headers ? { Headers: headerList(email.headers) } : {}),
              },
            },
          }),
        );
      } catch (error) {
        if (error instanceof Error && THROTTLING_ERRORS.has(error.name)) {
          throw new MailThrottledError(`SES refused the email for now (${error.name}).`, { cause: error });
        }
        throw error;
      }
      if (!response.MessageId) throw new Error('SES accepted the email but returned no message id.');
      return { messageId: response.MessageId };
    },
  };
}

/** SES tag values allow only ASCII letters, digits, `_`, `-`, `.` and `@`. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);
}

/** A header value with a line break would start a header of its own: refused, never sent. */
function headerList(headers: Readonly<Record<string, string>>) {
  return Object.entries(headers).map(([Name, Value]) => {
    if (/[\r\n]/.test(Name + Value) || !/^[A-Za-z0-9-]+$/.test(Name)) {
      throw new Error(`The email header ${JSON.stringify(Name)} is not a single safe header line.`);
    }
    return { Name, Value };
  });
}
