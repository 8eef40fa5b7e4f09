import { type Environment, readSetting, SETTINGS } from '#shared/runtime/settings.ts';

/** How long an activity is kept, in days; set per deployment in the wiring declaration. */
export const ACTIVITY_RETENTION_ENV = SETTINGS.activityRetentionDays.name;

/** Two years (the settings catalogue says why): the retention when none is set. */
export const DEFAULT_ACTIVITY_RETENTION_DAYS = SETTINGS.activityRetentionDays.parse(undefined);

/** The configured retention, checked as the function loads: a typo stops it with the reason. */
export function activityRetentionDays(env?: Environment): number {
  return readSetting(SETTINGS.activityRetentionDays, env);
}

/**
 * When an activity expires, in epoch seconds (DynamoDB's TTL format): counted from when it happened,
 * not from when it was recorded, so a late redelivery does not live longer than its peers.
 */
export function activityExpiresAt(occurredAt: string, retentionDays: number): number {
  return Math.floor(Date.parse(occurredAt) / 1000) + retentionDays * 86_400;
}
