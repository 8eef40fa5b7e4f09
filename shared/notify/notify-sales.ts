import { createHash } from 'node:crypto';
import type { Mailer } from '#shared/nurture/mailer.ts';
import type { RenderedEmail } from '#shared/nurture/render-email.ts';
import type { SendRateLimiter } from '#shared/nurture/send-rate.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { type InvocationWindow, leaseUntil, waitsEndBy } from '#shared/runtime/invocation-window.ts';
import type { NoticeLog } from './notice-log.ts';
import { renderNotification, type SalesNotice } from './notification-email.ts';
import type { NotificationRecipients } from './recipients.ts';

export interface NotifySalesDeps {
  readonly mailer: Mailer;
  /** The send rate every sending function shares, so notifications never push SES past it. */
  readonly rateLimiter: SendRateLimiter;
  readonly notices: NoticeLog;
  readonly clock: Clock;
  /** The longest this function waits for sending slots in one invocation (declared in the wiring). */
  readonly slotWaitMs: number;
  readonly recipients: NotificationRecipients;
  /** Where the admin API is served, for the links in the email. */
  readonly baseUrl: string;
}

export interface NotifySalesOutcome {
  readonly sent: number;
  /** Recipients already notified of this hand-off (a redelivered event). */
  readonly alreadySent: number;
}

/**
 * Emails the configured people about one hand-off, once per recipient (see emailEachOnce), keyed by
 * the hand-off's idempotency key.
 */
export async function notifySales(
  notice: SalesNotice,
  deps: NotifySalesDeps,
  window: InvocationWindow,
): Promise<NotifySalesOutcome> {
  const recipients =
    notice.kind === 'review-requested' ? deps.recipients.reviewRequested : deps.recipients.prospectQualified;
  const handOffId =
    notice.kind === 'review-requested' ? notice.detail.reviewRequestId : notice.detail.qualificationId;
  return emailEachOnce(
    {
      recipients,
      owner: notice.detail.contact.contactId,
      key: `${notice.kind}#${handOffId}`,
      email: renderNotification(notice, deps.baseUrl),
      tag: notice.kind,
    },
    deps,
    window,
  );
}

/** One internal email to each recipient, once: who it is about (its claims' partition) and its key. */
export interface TeamEmail {
  readonly recipients: readonly string[];
  readonly owner: string;
  readonly key: string;
  readonly email: RenderedEmail;
  readonly tag: string;
}

/**
 * Sends a team email to each recipient once: each send is claimed under the email's key first and
 * waits for a slot of the shared send rate; a send SES refuses, or one with no slot free in time,
 * releases its claim and fails the invocation, so the event's retry sends exactly the missing ones.
 * Every wait ends inside the invocation's window, and a claim is leased until just after it: a
 * function killed mid-send is retried and sends once.
 */
export async function emailEachOnce(
  team: TeamEmail,
  deps: NotifySalesDeps,
  window: InvocationWindow,
): Promise<NotifySalesOutcome> {
  let sent = 0;
  let alreadySent = 0;
  const waitsEnd = waitsEndBy(window, deps.clock(), deps.slotWaitMs);
  for (const to of team.recipients) {
    // The recipient is hashed so that the key, which is stored, holds no address of a colleague.
    const key = `${team.key}#${createHash('sha256').update(to).digest('hex').slice(0, 16)}`;
    if (!(await deps.notices.claim(team.owner, key, deps.clock().toISOString(), leaseUntil(window)))) {
      alreadySent += 1;
      continue;
    }
    try {
      if (!(await deps.rateLimiter.acquire(Math.max(0, waitsEnd - deps.clock().getTime())))) {
        throw new Error('No sending slot free for a team email; the event will be retried.');
      }
      await deps.mailer.send({ to, ...team.email, tags: { notice: team.tag } });
    } catch (error) {
      await deps.notices.release(team.owner, key);
      throw error;
    }
    sent += 1;
    // Outside the try: once the email is out, a failed confirmation must not release the claim.
    await deps.notices.confirm(team.owner, key, deps.clock().toISOString());
  }
  return { sent, alreadySent };
}
