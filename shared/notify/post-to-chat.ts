import type { Clock } from '#shared/runtime/clock.ts';
import { type InvocationWindow, leaseUntil } from '#shared/runtime/invocation-window.ts';
import type { ChatWebhook } from './chat-webhook.ts';
import type { NoticeLog } from './notice-log.ts';
import { handOffId, type NoticeSettings, noticeContent, type SalesNotice } from './notification-content.ts';
import { slackMessage } from './slack-message.ts';

export interface PostToChatDeps {
  readonly notices: NoticeLog;
  readonly clock: Clock;
  readonly settings: NoticeSettings;
  /** The team's chat channel, and which notices it hears of; absent when none is configured. */
  readonly chat?: { readonly webhook: ChatWebhook; readonly notices: ReadonlySet<SalesNotice['kind']> };
}

/** `posted` now, `already` by an earlier delivery of the event, `off` when the channel does not hear of it. */
export type PostToChatOutcome = 'posted' | 'already' | 'off';

/**
 * Posts one hand-off to the team's chat channel, once: the post is claimed under the hand-off's
 * idempotency key like an email, and a post the channel refuses releases its claim and fails the
 * invocation, so the event's retry posts it.
 */
export async function postToChat(
  notice: SalesNotice,
  deps: PostToChatDeps,
  window: InvocationWindow,
): Promise<PostToChatOutcome> {
  if (!deps.chat?.notices.has(notice.kind)) return 'off';
  const { contactId } = notice.detail.contact;
  const key = `${notice.kind}#${handOffId(notice)}#chat`;
  if (!(await deps.notices.claim(contactId, key, deps.clock().toISOString(), leaseUntil(window))))
    return 'already';
  try {
    const content = { ...noticeContent(notice, deps.settings), owner: notice.detail.owner?.name };
    await deps.chat.webhook.post(slackMessage(notice.kind, content, deps.settings.locale));
  } catch (error) {
    await deps.notices.release(contactId, key);
    throw error;
  }
  // Outside the try: once the message is out, a failed confirmation must not release the claim.
  await deps.notices.confirm(contactId, key, deps.clock().toISOString());
  return 'posted';
}
