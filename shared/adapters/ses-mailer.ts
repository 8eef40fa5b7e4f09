import { type SESv2Client, SendEmailCommand, type SendEmailCommandOutput } from '@aws-sdk/client-sesv2';
import { type Mailer, MailThrottledError } from '#shared/nurture/mailer.ts';
import { composeRawEmail } from './raw-email.ts';

export interface SesMailerOptions {
  readonly from: string;
  /** Where replies go (the stage's `mail.replyTo`), when not to the sender. */
  readonly replyTo?: string;
  readonly configurationSetName?: string;
  readonly clock?: () => Date;
}

/** Error names SES v2 uses for "slow down"; the SDK's adaptive retry has already backed off on them. */
const THROTTLING_ERRORS = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'LimitExceededException',
  'SendingPausedException',
]);

/**
 * Sends through the SES v2 API (the v1 API is legacy), tagged and through the configuration set, as
 * the raw MIME message {@link composeRawEmail} builds, so what filters see is what the tests check.
 */
export function sesMailer(client: SESv2Client, options: SesMailerOptions): Mailer {
  return {
    async send(email) {
      // Composed first: a header that could start another one is refused before SES is called.
      const raw = await composeRawEmail(email, {
        from: options.from,
        ...(options.replyTo ? { replyTo: options.replyTo } : {}),
        date: (options.clock ?? (() => new Date()))(),
      });
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
            Content: { Raw: { Data: raw } },
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
