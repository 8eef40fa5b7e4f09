import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import * as z from 'zod/mini';
import { SECRETS } from '#shared/runtime/settings.ts';
import { defineSignedSource } from './form-source.ts';
import { invalidSignature } from './signature.ts';

export const GENERIC_SECRET_NAME = SECRETS.webhookGeneric.name;

/**
 * Any tool or backend that signs JSON per Standard Webhooks (webhook-id, webhook-timestamp,
 * webhook-signature), verified by the standardwebhooks library: HMAC-SHA256 on the raw body,
 * constant-time comparison, 5-minute replay window. The body already is the canonical submission,
 * so mapping is the identity and validation does the rest; the webhook-id is the delivery id.
 */
export const genericSource = defineSignedSource({
  name: 'generic',
  secretName: GENERIC_SECRET_NAME,
  authenticate(request, secret) {
    try {
      new Webhook(secret).verify(request.body.toString('utf8'), signatureHeaders(request.headers), {
        jsonParse: false,
      });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      throw invalidSignature(`The webhook signature could not be verified: ${error.message}.`);
    }
  },
  payload: z.unknown(),
  describe: (_payload, request) => ({ deliveryId: signatureHeaders(request.headers)['webhook-id'] }),
  map: (payload) => payload,
});

function signatureHeaders(headers: Readonly<Record<string, string | undefined>>) {
  return {
    'webhook-id': headers['webhook-id'] ?? '',
    'webhook-timestamp': headers['webhook-timestamp'] ?? '',
    'webhook-signature': headers['webhook-signature'] ?? '',
  };
}
