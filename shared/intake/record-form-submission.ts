import { createHash } from 'node:crypto';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import type { Activity, Touch } from '#shared/activity/activity.ts';
import { ACTIVITY_TYPE_BY_FORM } from '#shared/activity/activity-type.ts';
import type { EventPublisher } from '#shared/adapters/event-publisher.ts';
import { outgoing } from '#shared/adapters/event-publisher.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { FormSubmission } from './form-submission.ts';

export interface RecordFormSubmissionDeps {
  readonly contacts: ContactRepository;
  readonly events: EventPublisher;
  readonly clock: Clock;
}

export interface VerifiedSubmission {
  /** The integration that delivered it (`generic`, …). */
  readonly source: string;
  /** The provider's own id of this delivery; retries of one submission share it. */
  readonly deliveryId: string;
  /** Already normalized (see normalizeEmail). */
  readonly email: string;
  readonly submission: FormSubmission;
}

export interface RecordOutcome {
  readonly contactId: string;
  readonly activityId: string;
  readonly duplicate: boolean;
}

/** Deliveries of one submission map to one activity id, which is what makes recording idempotent. */
export function activityIdFor(source: string, deliveryId: string): string {
  return `a_${createHash('sha256').update(`${source}\u0000${deliveryId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Records a verified submission on its contact, once, and announces it. A duplicate delivery writes
 * nothing but announces again: if the first delivery failed after the write and before the event,
 * the provider's retry is what re-derives the lost event (consumers are idempotent).
 */
export async function recordFormSubmission(
  input: VerifiedSubmission,
  deps: RecordFormSubmissionDeps,
): Promise<RecordOutcome> {
  const { submission } = input;
  const now = deps.clock().toISOString();
  const contactId = contactIdFor(input.email);
  const activity: Activity = {
    activityId: activityIdFor(input.source, input.deliveryId),
    contactId,
    type: ACTIVITY_TYPE_BY_FORM[submission.formType],
    channel: 'web-form',
    source: input.source,
    formType: submission.formType,
    occurredAt: now,
    recordedAt: now,
  };
  const outcome = await deps.contacts.recordActivity({
    contactId,
    profile: {
      email: input.email,
      firstName: submission.firstName,
      lastName: submission.lastName,
      company: submission.company,
      jobTitle: submission.jobTitle,
      phone: submission.phone,
      country: submission.country,
      companySize: submission.companySize,
      industry: submission.industry,
    },
    answers: nonEmptyAnswers(submission.answers),
    consent: submission.consent && { ...submission.consent, recordedAt: now, source: input.source },
    touch: touchOf(submission, now),
    activity,
  });
  await deps.events.publish([activityRecordedEvent(activity)]);
  return { contactId, activityId: activity.activityId, duplicate: outcome === 'duplicate' };
}

/** "Contact Activity Recorded" for an activity, whichever intake recorded it. */
export function activityRecordedEvent(activity: Activity) {
  return outgoing(contactActivityRecorded, {
    version: 1,
    contactId: activity.contactId,
    activityId: activity.activityId,
    activityType: activity.type,
    channel: activity.channel,
    occurredAt: activity.occurredAt,
  });
}

/** An empty answer says nothing; it must not erase one given earlier. */
function nonEmptyAnswers(answers: FormSubmission['answers']): FormSubmission['answers'] & object {
  return Object.fromEntries(
    Object.entries(answers ?? {}).filter(([, value]) => value && value.trim() !== ''),
  );
}

function touchOf(submission: FormSubmission, at: string): Touch | undefined {
  const { utm, referrer } = submission;
  if (!utm && !referrer) return undefined;
  return {
    utmSource: utm?.source,
    utmMedium: utm?.medium,
    utmCampaign: utm?.campaign,
    utmTerm: utm?.term,
    utmContent: utm?.content,
    referrer,
    at,
  };
}
