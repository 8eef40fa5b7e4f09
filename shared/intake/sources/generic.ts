import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { parseJson } from '#shared/http/request.ts';
import type { SignedFormSource } from './form-source.ts';
import { invalidSignature } from './signature.ts';

export const GENERIC_SECRET_NAME = 'WEBHOOK_SECRET_GENERIC';

/**
 * Any tool or backend that signs JSON per Standard Webhooks. The body already is the canonical
 * submission, so mapping is the identity and validation does the rest.
 */
export const genericSource: SignedFormSource<unknown> = {
  name: 'generic',
  secretName: GENERIC_SECRET_NAME,
  verify(request, secret) {
    const body = request.body.toString('utf8');
    const deliveryId = verifyGenericDelivery(body, request.headers, secret);
    return { deliveryId, payload: parseJson(body) };
  },
  map: (payload) => payload,
};

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
    throw invalidSignature(`The webhook signature could not be verified: ${error.message}.`);
  }
  return signatureHeaders['webhook-id'];
}
