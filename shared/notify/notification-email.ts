import { type RenderedEmail, renderEmail } from '#shared/nurture/render-email.ts';
import {
  type NoticeContent,
  type NoticeSettings,
  noticeContent,
  type SalesNotice,
} from './notification-content.ts';

export type { SalesNotice } from './notification-content.ts';

/**
 * The team email for one hand-off, from the `review-requested` or `prospect-qualified` template
 * (shared/nurture/templates/internal) in the team's language. `extra` adds what only some
 * recipients read (the owner's name, the deadline).
 */
export function renderNotification(
  notice: SalesNotice,
  settings: NoticeSettings,
  extra: { readonly owner?: string; readonly deadline?: string } = {},
): RenderedEmail {
  const content: NoticeContent & typeof extra = { ...noticeContent(notice, settings), ...extra };
  return renderEmail(notice.kind, settings.locale, content);
}
