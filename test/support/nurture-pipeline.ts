import { vi } from 'vitest';
import { scheduledEvent } from '#infra/local/scheduler.ts';
import { type SesEventKind, sesFeedbackEvent } from '#infra/local/ses-feedback-event.ts';
import { LocalPipeline } from './local-pipeline.ts';

/** An email as aws-ses-v2-local keeps it, with the headers SES would send. */
export interface SentMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
}

/**
 * Starts the local pipeline with the functions' clock in the test's hands (the runtime runs handlers
 * in this process, so faking Date fakes theirs), set to `at`.
 */
export async function startWithClock(
  at: Date,
  env?: Readonly<Record<string, string>>,
): Promise<LocalPipeline> {
  const pipeline = await LocalPipeline.start(env ? { env } : {});
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  return pipeline;
}

export async function stopWithClock(pipeline: LocalPipeline | undefined): Promise<void> {
  vi.useRealTimers();
  await pipeline?.stop();
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

/** Puts an SES email event about `mail` on the local bus, where AWS's forwarding rule delivers it, and waits. */
export async function putSesEvent(
  pipeline: LocalPipeline,
  mail: SentMail,
  kind: SesEventKind,
  at: Date,
  tags: Record<string, string>,
): Promise<void> {
  pipeline.runtime.bus.put(
    sesFeedbackEvent({
      kind,
      messageId: mail.messageId,
      recipient: mail.destination.to[0] ?? '',
      at,
      tags,
      link: 'https://www.example.com/resources/white-papers',
    }),
  );
  await pipeline.settled();
}
