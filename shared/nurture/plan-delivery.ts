import { DateTime, Duration } from 'luxon';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { timeZonesFor } from './contact-locale.ts';
import { mayReceiveMarketingEmail, needsDoubleOptIn } from './lawful-basis.ts';
import type { NurtureConfig, NurtureTrack } from './nurture-config.ts';
import type { NurtureState } from './nurture-state.ts';
import { nextSendableAt } from './quiet-hours.ts';
import { stepConditionsHold } from './step-conditions.ts';
import { trackNamed } from './tracks.ts';

export interface DeliveryInput {
  readonly contact: Contact;
  readonly activities: readonly Activity[];
  readonly state: NurtureState;
  readonly config: NurtureConfig;
  readonly now: Date;
}

/** The email to send, and the state to store once it is sent. */
export interface PlannedEmail {
  readonly kind: 'nurture' | 'confirmation';
  readonly template: string;
  readonly track?: string;
  readonly step?: number;
}

/**
 * What the sender should do for one contact, decided from stored facts alone (pure, so every guardrail
 * is tested without AWS): send an email, wait (the state says until when, or for what), or stop.
 */
export type DeliveryPlan =
  | { readonly kind: 'not-due' }
  | { readonly kind: 'send'; readonly email: PlannedEmail; readonly next: NurtureState }
  | { readonly kind: 'wait'; readonly reason: WaitReason; readonly next: NurtureState }
  | { readonly kind: 'stop'; readonly reason: string; readonly next: NurtureState };

export type WaitReason =
  | 'quiet-hours'
  | 'frequency-cap'
  | 'stage-paused'
  | 'awaiting-confirmation'
  | 'next-step'
  | 'next-track'
  /** Held by the nurture gate: the reputation breaker is open, or the quota or warm-up cap is near. */
  | 'reputation-pause'
  | 'send-quota'
  | 'warm-up-cap';

/** How long a contact whose stage pauses its track (in review with sales) waits before a new look. */
const STAGE_PAUSE = Duration.fromObject({ days: 1 });

/**
 * Applies the guardrails in order: suppression (unsubscribe, hard bounce, complaint), the stages that
 * end nurture, the lawful basis, double opt-in (the confirmation goes first and alone), the track's
 * stages and topic, the step's conditions, quiet hours in the contact's time zones, and the frequency
 * cap across all tracks. The confirmation email is one the person just asked for, so quiet hours and
 * the cap do not hold it back; everything else waits for them.
 */
export function planDelivery(input: DeliveryInput): DeliveryPlan {
  const { contact, activities, state, config, now } = input;
  const at = now.toISOString();
  if (!state.dueAt || state.dueAt > at) return { kind: 'not-due' };
  const stop = (reason: string): DeliveryPlan => ({
    kind: 'stop',
    reason,
    next: { ...state, status: 'stopped', stopReason: reason, dueAt: undefined },
  });
  const wait = (
    reason: WaitReason,
    dueAt: string | undefined,
    changes: Partial<NurtureState> = {},
  ): DeliveryPlan => ({
    kind: 'wait',
    reason,
    next: { ...state, ...changes, dueAt },
  });

  if (state.suppression) return stop(state.suppression.reason);
  if (config.guardrails.stopAtStages.includes(contact.stage)) return stop(`stage-${contact.stage}`);
  if (!mayReceiveMarketingEmail(contact)) return stop('no-lawful-basis');
  if (needsDoubleOptIn(contact, activities, config) && state.optIn?.status !== 'confirmed') {
    if (state.optIn?.confirmationSentAt) return wait('awaiting-confirmation', undefined);
    return {
      kind: 'send',
      email: { kind: 'confirmation', template: config.doubleOptIn.confirmationTemplate },
      next: {
        ...state,
        optIn: { status: 'pending', requestedAt: state.optIn?.requestedAt ?? at, confirmationSentAt: at },
        dueAt: undefined,
      },
    };
  }

  const track = trackNamed(config, state.track);
  if (state.status !== 'active' || !track) return stop(track ? (state.stopReason ?? 'inactive') : 'no-track');
  if (track.entry && !track.entry.stages.includes(contact.stage)) {
    return wait('stage-paused', plus(now, STAGE_PAUSE));
  }
  if (state.unsubscribedTopics.includes(track.topic)) return stop('topic-unsubscribed');

  const enteredAt = state.enteredAt ?? at;
  const since = state.lastSentAt ?? enteredAt;
  for (let step = state.step; ; step += 1) {
    const current = track.steps[step];
    if (!current) return finishTrack(state, track, config, now, step);
    const dueAt = plus(new Date(since), Duration.fromISO(current.delay));
    if (dueAt > at) return wait('next-step', dueAt, { step });
    if (!stepConditionsHold(current, activities, enteredAt, now)) continue;

    const sendableAt =
      nextSendableAt(now, timeZonesFor(contact, config), config.guardrails.quietHours) ??
      nextSendableAt(now, [config.guardrails.defaultTimeZone], config.guardrails.quietHours);
    if (sendableAt && sendableAt.getTime() > now.getTime()) {
      return wait('quiet-hours', sendableAt.toISOString(), { step });
    }
    const { maxEmails, perDays } = config.guardrails.frequencyCap;
    const windowStart = plus(now, Duration.fromObject({ days: -perDays }));
    const recent = state.recentSends.filter((sentAt) => sentAt > windowStart);
    if (recent.length >= maxEmails) {
      const freedAt = plus(
        new Date(recent[recent.length - maxEmails] ?? at),
        Duration.fromObject({ days: perDays }),
      );
      return wait('frequency-cap', freedAt, { step, recentSends: recent });
    }

    const sent: NurtureState = {
      ...state,
      step: step + 1,
      lastSentAt: at,
      recentSends: [...recent, at],
      failedAttempts: undefined,
    };
    const following = track.steps[step + 1];
    return {
      kind: 'send',
      email: { kind: 'nurture', template: current.template, track: track.name, step },
      next: following
        ? { ...sent, dueAt: plus(now, Duration.fromISO(following.delay)) }
        : finishTrack(sent, track, config, now, step + 1).next,
    };
  }
}

/** The last step is done: the track is completed, and the follow-up track (if any) is scheduled. */
function finishTrack(
  state: NurtureState,
  track: NurtureTrack,
  config: NurtureConfig,
  now: Date,
  step: number,
): Extract<DeliveryPlan, { kind: 'wait' | 'stop' }> {
  const completedTracks = [...new Set([...state.completedTracks, track.name])];
  const followUp = track.followUp && trackNamed(config, track.followUp.track);
  if (track.followUp && followUp && !completedTracks.includes(followUp.name)) {
    const startsAt = plus(
      new Date(state.lastSentAt ?? now.toISOString()),
      Duration.fromISO(track.followUp.after),
    );
    return {
      kind: 'wait',
      reason: 'next-track',
      next: {
        ...state,
        completedTracks,
        track: followUp.name,
        step: 0,
        enteredAt: startsAt,
        lastSentAt: undefined,
        dueAt: startsAt,
      },
    };
  }
  return {
    kind: 'stop',
    reason: 'completed',
    next: { ...state, completedTracks, step, status: 'completed', stopReason: undefined, dueAt: undefined },
  };
}

function plus(date: Date, duration: Duration): string {
  return (
    DateTime.fromJSDate(date, { zone: 'utc' }).plus(duration).toISO({ suppressMilliseconds: false }) ?? ''
  );
}
