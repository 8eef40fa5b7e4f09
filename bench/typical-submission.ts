import { randomUUID } from 'node:crypto';
import ct from 'countries-and-timezones';
import { Webhook } from 'standardwebhooks';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';

/** Countries with one time zone, spread around the globe (UTC+12 to UTC−6). */
const SINGLE_ZONE_COUNTRIES = ['FJ', 'JP', 'TH', 'AE', 'DE', 'GH', 'AR', 'PE', 'CR'];

/**
 * A country where it is now office hours, so the typical submission's nurture email goes out at once
 * (quiet hours would otherwise hold it, and the run would count no email, whatever the time of day).
 */
export function daytimeCountry(now = new Date()): string {
  const localHour = (zone: string) =>
    Number(
      new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: zone }).format(now),
    );
  const distanceFromNoon = (code: string) => {
    const zones = ct.getCountry(code)?.timezones ?? [];
    return Math.max(...zones.map((zone) => Math.abs(localHour(zone) - 13)));
  };
  return [...SINGLE_ZONE_COUNTRIES].sort((a, b) => distanceFromNoon(a) - distanceFromNoon(b))[0] as string;
}

const COUNTRY = daytimeCountry();

/**
 * The submission the benchmark calls typical: a white paper download with consent from a new,
 * business-email contact, in office hours. It goes the whole way: recorded, scored, nurtured.
 */
export function typicalSubmission(n: number): string {
  return JSON.stringify({
    email: `reader-${n}-${randomUUID().slice(0, 8)}@bench-industries.com`,
    formType: 'whitepaper',
    firstName: 'Reader',
    company: 'Bench Industries',
    jobTitle: 'Marketing Manager',
    country: COUNTRY,
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
