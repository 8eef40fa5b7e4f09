import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackIncomingWebhook } from '#shared/adapters/chat/slack-incoming-webhook.ts';
import { ChatWebhookConfigurationError } from '#shared/notify/chat-webhook.ts';
import { StandInApi } from '../../support/stand-in-api.ts';

const message = { text: 'Review requested: Ada', blocks: [{ type: 'section' }] };

// Answers as Slack documents for incoming webhooks: 200 "ok", 4xx with an error word, 429, 5xx.
describe('SlackIncomingWebhook', () => {
  let slack: StandInApi;
  let url: string;

  beforeEach(async () => {
    slack = new StandInApi();
    url = `${await slack.start()}/services/T000/B000/secret-part`;
  });
  afterEach(() => slack.stop());

  it('posts the message as JSON to the webhook URL', async () => {
    await new SlackIncomingWebhook(async () => url).post(message);
    expect(slack.requests).toEqual([
      expect.objectContaining({ method: 'POST', path: '/services/T000/B000/secret-part' }),
    ]);
    expect(slack.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(slack.requests[0]?.body ?? '')).toEqual(message);
  });

  it('throws a passing error on 429 and 5xx, for the retry, without the URL in the message', async () => {
    for (const status of [429, 500, 503]) {
      slack.answer = () => ({ status, body: status === 429 ? 'rate_limited' : 'oops' });
      const failure = new SlackIncomingWebhook(async () => url).post(message);
      await expect(failure).rejects.toThrow(`Slack answered ${status}`);
      await expect(failure).rejects.not.toBeInstanceOf(ChatWebhookConfigurationError);
      await expect(failure).rejects.not.toThrow('secret-part');
    }
  });

  it('says the webhook is misconfigured when Slack refuses it, or the secret holds no URL', async () => {
    slack.answer = () => ({ status: 404, body: 'no_service' });
    await expect(new SlackIncomingWebhook(async () => url).post(message)).rejects.toThrow(
      ChatWebhookConfigurationError,
    );
    const generated = new SlackIncomingWebhook(async () => 'Zr8kq2generatedsecretvalue');
    await expect(generated.post(message)).rejects.toThrow('does not hold a webhook URL');
  });
});
