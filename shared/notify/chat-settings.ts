import { SECRETS, SETTINGS } from '#shared/runtime/settings.ts';
import type { SalesNotice } from './notification-content.ts';

/**
 * Which notices the team's chat channel hears of, set per deployment: `review-requested`,
 * `prospect-qualified`, or both, separated by commas. Empty means no chat channel; then the
 * webhook secret is not even declared (see the wiring).
 */
export const CHAT_NOTIFY_ENV = SETTINGS.slackNotify.name;
/** The secret holding the Slack incoming webhook's URL: the URL is the credential. */
export const CHAT_WEBHOOK_SECRET = SECRETS.slackWebhook.name;

const KINDS: readonly SalesNotice['kind'][] = ['review-requested', 'prospect-qualified'];

/** Parses the notices chat hears of, failing at cold start with the variable's name on an unknown one. */
export function chatNotices(value: string | undefined): ReadonlySet<SalesNotice['kind']> {
  const kinds = (value ?? '').split(/[\s,;]+/).filter(Boolean);
  for (const kind of kinds) {
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new Error(`${CHAT_NOTIFY_ENV} names "${kind}"; use ${KINDS.join(' and/or ')}.`);
    }
  }
  return new Set(kinds as SalesNotice['kind'][]);
}
