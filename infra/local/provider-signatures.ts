import { createHmac, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * Signs a body exactly as each form tool does, for `npm run post-form` and the tests: the receiving
 * side (shared/intake/sources) is only ever checked against these independent implementations.
 */
export type SignedSourceName = 'generic' | 'typeform' | 'tally' | 'webflow';

export interface SigningOptions {
  readonly secret: string;
  /** When the provider signs it (the generic and Webflow schemes sign a timestamp). */
  readonly at?: Date;
  /** The generic source's webhook-id. */
  readonly id?: string;
}

export function providerHeaders(
  source: SignedSourceName,
  body: string,
  options: SigningOptions,
): Record<string, string> {
  const at = options.at ?? new Date();
  const json = { 'content-type': 'application/json' };
  switch (source) {
    case 'generic': {
      const id = options.id ?? `msg_${randomUUID()}`;
      return {
        ...json,
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(options.secret).sign(id, at, body),
      };
    }
    case 'typeform':
      return { ...json, 'typeform-signature': `sha256=${hmac(options.secret, body).toString('base64')}` };
    case 'tally':
      return { ...json, 'tally-signature': hmac(options.secret, body).toString('base64') };
    case 'webflow': {
      const timestamp = String(at.getTime());
      return {
        ...json,
        'x-webflow-timestamp': timestamp,
        'x-webflow-signature': hmac(options.secret, `${timestamp}:${body}`).toString('hex'),
      };
    }
  }
}

function hmac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}
