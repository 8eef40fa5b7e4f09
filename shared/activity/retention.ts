import * as z from 'zod/mini';

/** How long an activity is kept, in days; set per deployment in the wiring declaration. */
export const ACTIVITY_RETENTION_ENV = 'LEADFLOW_ACTIVITY_RETENTION_DAYS';

/**
 * Two years: far past the point where engagement has decayed to nothing (a 30-day half-life leaves
 * under a millionth after two years), and a common answer to GDPR's storage limitation for B2B leads.
 */
export const DEFAULT_ACTIVITY_RETENTION_DAYS = 730;

const retentionSchema = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650));

/** The configured retention, checked as the function loads: a typo stops it with the reason. */
export function activityRetentionDays(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const configured = env[ACTIVITY_RETENTION_ENV];
  if (configured === undefined || configured === '') return DEFAULT_ACTIVITY_RETENTION_DAYS;
  const parsed = retentionSchema.safeParse(configured);
  if (!parsed.success)
    throw new Error(`${ACTIVITY_RETENTION_ENV} must be a whole number of days from 1 to 3650.`);
  return parsed.data;
}

/**
 * When an activity expires, in epoch seconds (DynamoDB's TTL format): counted from when it happened,
 * not from when it was recorded, so a late redelivery does not live longer than its peers.
 */
export function activityExpiresAt(occurredAt: string, retentionDays: number): number {
  return Math.floor(Date.parse(occurredAt) / 1000) + retentionDays * 86_400;
}
