import type { ActivityType } from '#events/vocabulary/activity-type.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { NurtureStep } from './nurture-config.ts';

/** Mail clients open mail by themselves (privacy proxies), and these count against a contact. */
const NOT_A_SIGN_OF_LIFE: ReadonlySet<ActivityType> = new Set([
  'email_opened',
  'unsubscribed',
  'email_bounced',
  'email_complained',
]);

/**
 * Whether a step's conditions hold: `onlyIf` and `skipIf` look at what the contact did since it
 * entered the track; `inactiveForDays` at whether it did anything (opens aside) in that many days.
 */
export function stepConditionsHold(
  step: NurtureStep,
  activities: readonly Pick<Activity, 'type' | 'occurredAt'>[],
  enteredAt: string,
  now: Date,
): boolean {
  const { conditions } = step;
  if (!conditions) return true;
  const since = activities.filter((activity) => activity.occurredAt >= enteredAt);
  const did = (types: readonly ActivityType[]) => since.some((activity) => types.includes(activity.type));
  if (conditions.onlyIf && !did(conditions.onlyIf)) return false;
  if (conditions.skipIf && did(conditions.skipIf)) return false;
  if (conditions.inactiveForDays !== undefined) {
    const threshold = new Date(now.getTime() - conditions.inactiveForDays * 86_400_000).toISOString();
    const active = activities.some(
      (activity) => activity.occurredAt > threshold && !NOT_A_SIGN_OF_LIFE.has(activity.type),
    );
    if (active) return false;
  }
  return true;
}
