import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { mayReceiveMarketingEmail, needsDoubleOptIn } from './lawful-basis.ts';
import type { NurtureConfig } from './nurture-config.ts';
import type { NurtureState } from './nurture-state.ts';
import { isStronger, matchTrack } from './tracks.ts';

/** Stops that lift by themselves when the reason goes away (a new consent, a recycled lead). */
const RESUMABLE_STOPS = new Set([
  'no-lawful-basis',
  'stage-prospect',
  'stage-customer',
  'stage-disqualified',
]);

export interface EnrollmentInput {
  readonly contact: Contact;
  readonly activities: readonly Activity[];
  readonly state: NurtureState;
  readonly config: NurtureConfig;
  readonly now: Date;
}

/**
 * Puts a lead in the track matched to its strongest interest, or moves it to a stronger one (a
 * newsletter reader who downloads a white paper), due at once; the guardrails are applied when
 * sending. A contact is in one track at a time, never re-enters a track it completed, and an
 * unsubscribe is only lifted by a new consent-based signup, which must be confirmed again.
 * Returns the new state, or undefined when nothing changes.
 */
export function planEnrollment(input: EnrollmentInput): NurtureState | undefined {
  const { contact, activities, config } = input;
  const at = input.now.toISOString();
  let state = input.state;
  if (!mayReceiveMarketingEmail(contact)) return undefined;
  if (heldByImport(input)) return undefined;
  if (state.suppression) {
    if (!signedUpAgainAfterUnsubscribing(input)) return undefined;
    state = {
      ...state,
      suppression: undefined,
      optIn: { status: 'pending', requestedAt: at },
      status: state.status === 'stopped' ? 'active' : state.status,
      stopReason: undefined,
      dueAt: at,
    };
  } else if (needsDoubleOptIn(contact, activities, config) && !state.optIn) {
    state = { ...state, optIn: { status: 'pending', requestedAt: at }, dueAt: at };
  }

  const matched = matchTrack(contact, config);
  const enter = (track: string): NurtureState => ({
    ...state,
    status: 'active',
    stopReason: undefined,
    track,
    step: 0,
    enteredAt: at,
    lastSentAt: undefined,
    dueAt: at,
  });
  if (matched && !state.completedTracks.includes(matched.name)) {
    if (!state.track) return enter(matched.name);
    if (state.track !== matched.name && isStronger(config, matched.name, state.track))
      return enter(matched.name);
  }
  if (state.status === 'stopped' && state.stopReason && RESUMABLE_STOPS.has(state.stopReason)) {
    return { ...state, status: 'active', stopReason: undefined, dueAt: at };
  }
  return state === input.state ? undefined : state;
}

/** Only a consent-based signup made after an unsubscribe (and confirmed anew) brings the person back. */
function signedUpAgainAfterUnsubscribing({ contact, activities, state, config }: EnrollmentInput): boolean {
  const { suppression } = state;
  if (suppression?.reason !== 'unsubscribed') return false;
  return (
    needsDoubleOptIn(contact, activities, config) &&
    activities.some(
      (activity) =>
        activity.occurredAt > suppression.at &&
        activity.formType !== undefined &&
        (config.doubleOptIn.interests as readonly string[]).includes(activity.formType),
    )
  );
}

/** An import's hold lasts until the person does something after it (imported history does not count). */
function heldByImport({ state, activities }: EnrollmentInput): boolean {
  const hold = state.importHold;
  if (!hold) return false;
  return !activities.some((activity) => activity.channel !== 'import' && activity.recordedAt > hold.at);
}
