import type { Activity } from '#shared/activity/activity.ts';
import {
  knownAnswers,
  occurredAtOf,
  type RecordActivityDeps,
  recordAndAnnounceActivity,
} from '#shared/activity/record-activity.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { activityIdFor } from '#shared/intake/record-form-submission.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { EngagementSignal } from './engagement-signal.ts';

export interface RecordEngagementDeps extends RecordActivityDeps {
  readonly clock: Clock;
}

export type EngagementOutcome =
  | { readonly outcome: 'recorded' | 'duplicate'; readonly contactId: string; readonly activityId: string }
  | { readonly outcome: 'unknown-contact' };

/** A signal whose address cannot be a contact's: retrying will not fix it, so it is dead-lettered as is. */
export class InvalidSignalError extends Error {
  override name = 'InvalidSignalError';
}

/**
 * Records an engagement signal exactly as a form submission is recorded: one activity per signal id
 * (a redelivered event records nothing new), the contact's profile and answers updated, then
 * "Contact Activity Recorded" for the scorer. A page visit of an unknown contact is dropped unstored.
 */
export async function recordEngagementSignal(
  signal: EngagementSignal,
  deps: RecordEngagementDeps,
): Promise<EngagementOutcome> {
  const identity = identityOf(signal);
  let { email } = identity;
  if (signal.knownContactOnly || email === undefined) {
    const known = await deps.contacts.load(identity.contactId);
    if (!known) return { outcome: 'unknown-contact' };
    email = known.contact.email;
  }
  const now = deps.clock();
  const occurredAt = occurredAtOf(signal.occurredAt, now);
  const activity: Activity = {
    activityId: activityIdFor(`${signal.type}:${signal.source}`, signal.signalId),
    contactId: identity.contactId,
    type: signal.type,
    channel: signal.channel,
    source: signal.source,
    direction: signal.direction,
    occurredAt,
    recordedAt: now.toISOString(),
  };
  const outcome = await recordAndAnnounceActivity(
    {
      contactId: identity.contactId,
      profile: { ...signal.profile, email },
      answers: knownAnswers(signal.answers),
      touch: signal.touch && { ...signal.touch, at: occurredAt },
      activity,
    },
    deps,
  );
  return { outcome, contactId: identity.contactId, activityId: activity.activityId };
}

function identityOf(signal: EngagementSignal): { contactId: string; email?: string } {
  if ('contactId' in signal.who) return { contactId: signal.who.contactId };
  const normalized = normalizeEmail(signal.who.email);
  if (!normalized.ok) throw new InvalidSignalError(`The signal's address is not valid: ${normalized.reason}`);
  return { contactId: contactIdFor(normalized.email), email: normalized.email };
}
