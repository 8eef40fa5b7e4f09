import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';

/**
 * The submission the benchmark calls typical: a white paper download with consent from a new,
 * business-email contact. It goes the whole way: recorded, scored, and sent a nurture email.
 */
export function typicalSubmission(n: number): string {
  return JSON.stringify({
    email: `reader-${n}-${randomUUID().slice(0, 8)}@bench-industries.com`,
    formType: 'whitepaper',
    firstName: 'Reader',
    company: 'Bench Industries',
    jobTitle: 'Marketing Manager',
    utm: { source: 'linkedin', medium: 'social', campaign: 'bench' },
    consent: { granted: true, purpose: 'white paper follow-up' },
  });
}

const signer = new Webhook(
  process.env.WEBHOOK_SECRET_GENERIC ?? (DEV_SECRETS.WEBHOOK_SECRET_GENERIC as string),
);

/** Standard Webhooks headers with a fresh delivery id, so no request is a redelivery. */
export function signedHeaders(body: string): Record<string, string> {
  const id = `msg_${randomUUID()}`;
  const now = new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signer.sign(id, now, body),
  };
}
