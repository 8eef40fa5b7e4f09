import { SESv2Client, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sesMailer } from '#shared/adapters/ses-mailer.ts';
import { MailThrottledError } from '#shared/nurture/mailer.ts';

const ses = mockClient(SESv2Client);
const email = {
  to: 'jane@acme-industries.com',
  subject: 'Hello',
  html: '<p>Hello</p>',
  text: 'Hello',
  tags: { contactId: 'c_1', template: 'newsletter-welcome', odd: 'a b/c' },
  headers: {
    'List-Unsubscribe': '<https://leads.example.com/unsubscribe?token=abc>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

describe('sesMailer', () => {
  beforeEach(() => ses.reset());

  it('sends the raw MIME message with the one-click headers, the tags and the configuration set', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const mailer = sesMailer(new SESv2Client({}), {
      from: 'Leadflow <leads@acme-analytics.test>',
      replyTo: 'hello@acme-analytics.test',
      configurationSetName: 'leadflow-dev',
      clock: () => new Date('2026-03-02T09:30:00Z'),
    });
    expect(await mailer.send(email)).toEqual({ messageId: 'm-1' });
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'Leadflow <leads@acme-analytics.test>',
      ConfigurationSetName: 'leadflow-dev',
      Destination: { ToAddresses: ['jane@acme-industries.com'] },
    });
    expect(input?.EmailTags).toContainEqual({ Name: 'odd', Value: 'a_b_c' });
    const raw = Buffer.from(input?.Content?.Raw?.Data ?? new Uint8Array()).toString('utf8');
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/leads\.example\.com\/unsubscribe\?token=abc>\r$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(raw).toMatch(/^Date: Mon, 02 Mar 2026 09:30:00 \+0000\r$/m);
    expect(raw).toMatch(/^Message-ID: <[0-9a-f-]{36}@acme-analytics\.test>\r$/m);
    expect(raw).toMatch(/^Reply-To: hello@acme-analytics\.test\r$/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
  });

  it('refuses a header value that would start another header', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const mailer = sesMailer(new SESv2Client({}), { from: 'leads@example.com' });
    await expect(
      mailer.send({ ...email, headers: { 'List-Unsubscribe': '<https://x>\r\nBcc: victim@example.com' } }),
    ).rejects.toThrow(/not a single safe header line/);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('reports throttling that outlasted the retries as MailThrottledError', async () => {
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));
    const mailer = sesMailer(new SESv2Client({}), { from: 'leads@example.com' });
    await expect(mailer.send(email)).rejects.toBeInstanceOf(MailThrottledError);
  });
});
