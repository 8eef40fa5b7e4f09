import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { HttpProblem, problemType } from '#shared/http/problem.ts';

export const GENERIC_SECRET_NAME = 'WEBHOOK_SECRET_GENERIC';

/**
 * Verifies a Standard Webhooks signature (webhook-id, webhook-timestamp, webhook-signature) on the
 * raw body with the standardwebhooks library: HMAC-SHA256, constant-time comparison, and a 5-minute
 * replay window. Returns the webhook id, which identifies the delivery across provider retries.
 */
export function verifyGenericDelivery(
  rawBody: string,
  headers: Readonly<Record<string, string | undefined>>,
  secret: string,
): string {
  const signatureHeaders = {
    'webhook-id': headers['webhook-id'] ?? '',
    'webhook-timestamp': headers['webhook-timestamp'] ?? '',
    'webhook-signature': headers['webhook-signature'] ?? '',
  };
  try {
    new Webhook(secret).verify(rawBody, signatureHeaders, { jsonParse: false });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    throw new HttpProblem({
      status: 401,
      type: problemType('invalid-signature'),
      title: 'Invalid signature',
      detail: `The webhook signature could not be verified: ${error.message}.`,
    });
  }
  return signatureHeaders['webhook-id'];
}
