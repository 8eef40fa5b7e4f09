import type { SlackMessage } from './slack-message.ts';

/** Posts one message to the team's chat channel; throws when it was not accepted, so the event is retried. */
export interface ChatWebhook {
  post(message: SlackMessage): Promise<void>;
}

/** The chat webhook is configured wrongly (a URL that is not one, a revoked hook): retrying will not help. */
export class ChatWebhookConfigurationError extends Error {
  override name = 'ChatWebhookConfigurationError';
}
