import * as z from 'zod/mini';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';

/** The variable through which the wiring gives senders and the admin API the stage's sending policy (JSON). */
const SENDING_POLICY_ENV = SETTINGS.sendingPolicy.name;

const rate = z.number().check(z.gt(0), z.lt(1));
const count = z.number().check(z.int(), z.minimum(1));

/**
 * How leadflow protects the sender's reputation and the account's quota, from the stage's
 * `mail.sending` (validated there with defaults; see docs/deliverability.md):
 *
 * - `breaker`: nurture pauses when hard bounces or complaints over the last `windowHours` reach a
 *   rate, once at least `minSends` emails were sent in that window;
 * - `nurtureShare`: the share of the 24-hour quota nurture may use, the rest kept for confirmations
 *   and team notifications;
 * - `warmUp`: rising daily caps for nurture on a new domain, day 1 from `startsOn` (UTC).
 */
export const sendingPolicySchema = z.object({
  breaker: z.object({ bounceRate: rate, complaintRate: rate, minSends: count, windowHours: count }),
  nurtureShare: z.number().check(z.gt(0), z.lte(1)),
  warmUp: z.optional(
    z.object({
      startsOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      dailyCaps: z.array(count).check(z.minLength(1)),
    }),
  ),
});

export type SendingPolicy = z.infer<typeof sendingPolicySchema>;

/** SES's own levels, for the defaults: review at 5 % bounces and 0.1 % complaints. */
export const DEFAULT_SENDING_POLICY: SendingPolicy = {
  breaker: { bounceRate: 0.04, complaintRate: 0.0008, minSends: 500, windowHours: 168 },
  nurtureShare: 0.9,
};

/** The policy the wiring set, or the defaults; an invalid one fails the cold start with its problems. */
export function sendingPolicyFromEnv(): SendingPolicy {
  const raw = readSetting(SETTINGS.sendingPolicy);
  if (!raw) return DEFAULT_SENDING_POLICY;
  const parsed = sendingPolicySchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new Error(`${SENDING_POLICY_ENV} is not a valid sending policy:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
