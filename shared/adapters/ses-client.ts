import { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * The SES v2 client every sending function uses. `adaptive` retry backs off on throttling with jitter
 * and also slows this client down for a while (a client-side token bucket), which is what SES asks
 * of a sender that exceeds its rate; five attempts ride out a burst without holding an invocation long.
 */
export function createSesClient(): SESv2Client {
  return new SESv2Client({ retryMode: 'adaptive', maxAttempts: 5 });
}
