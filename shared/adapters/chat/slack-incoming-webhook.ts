import { type ChatWebhook, ChatWebhookConfigurationError } from '#shared/notify/chat-webhook.ts';
import type { SlackMessage } from '#shared/notify/slack-message.ts';

/** A post Slack did not answer within this long is failed, for the event's retry to try again. */
const TIMEOUT_MS = 5_000;

/**
 * A Slack incoming webhook (https://api.slack.com/messaging/webhooks): a JSON POST to its secret
 * URL, answered `200 ok`. Slack answers 4xx for a hook that is revoked or misconfigured (a lasting
 * error) and 429 or 5xx for passing ones; both throw, and the URL, which is the credential, is never
 * part of an error message.
 */
export class SlackIncomingWebhook implements ChatWebhook {
  private readonly url: () => Promise<string>;
  private readonly fetchFn: typeof fetch;

  /** `url` reads the secret when first needed, so a cold start without it fails only if chat is used. */
  constructor(url: () => Promise<string>, fetchFn: typeof fetch = fetch) {
    this.url = url;
    this.fetchFn = fetchFn;
  }

  async post(message: SlackMessage): Promise<void> {
    const url = await this.url();
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      throw new ChatWebhookConfigurationError('The Slack webhook secret does not hold a webhook URL.');
    }
    const response = await this.fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer = (await response.text()).slice(0, 200);
    if (response.ok) return;
    if (response.status === 429 || response.status >= 500) {
      throw new Error(`Slack answered ${response.status} (${answer}); the notification will be retried.`);
    }
    throw new ChatWebhookConfigurationError(
      `Slack refused the notification with ${response.status} (${answer}); check the webhook.`,
    );
  }
}
