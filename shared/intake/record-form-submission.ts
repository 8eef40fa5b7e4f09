import { createHash } from 'node:crypto';
import { ACTIVITY_TYPE_BY_FORM } from '#events/vocabulary/activity-type.ts';
import type { Activity, Touch } from '#shared/activity/activity.ts';
import {
  knownAnswers,
  occurredAtOf,
  type RecordActivityDeps,
  recordAndAnnounceActivity,
} from '#shared/activity/record-activity.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { FormSubmission } from './form-submission.ts';

export interface RecordFormSubmissionDeps extends RecordActivityDeps {
  readonly clock: Clock;
}

export interface VerifiedSubmission {
  /** The integration that delivered it (`generic`, `typeform`, `html`…). */
  readonly source: string;
  /** The provider's own id of this delivery; retries of one submission share it. */
  readonly deliveryId: string;
  /** Already normalized (see normalizeEmail). */
  readonly email: string;
  readonly submission: FormSubmission;
  /** When the provider says the form was submitted; now when it does not say. */
  readonly submittedAt?: string;
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

/** Records a verified submission on its contact, once, and announces it. */
export async function recordFormSubmission(
  input: VerifiedSubmission,
  deps: RecordFormSubmissionDeps,
): Promise<RecordOutcome> {
  const { submission } = input;
  const now = deps.clock();
  const occurredAt = occurredAtOf(input.submittedAt, now);
  const contactId = contactIdFor(input.email);
  const activity: Activity = {
    activityId: activityIdFor(input.source, input.deliveryId),
    contactId,
    type: ACTIVITY_TYPE_BY_FORM[submission.formType],
    channel: 'web-form',
    source: input.source,
    formType: submission.formType,
    occurredAt,
    recordedAt: now.toISOString(),
  };
  const outcome = await recordAndAnnounceActivity(
    {
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
      answers: knownAnswers(submission.answers),
      answerReadings: submission.answerReadings,
      consent: submission.consent && { ...submission.consent, recordedAt: occurredAt, source: input.source },
      touch: touchOf(submission, occurredAt),
      activity,
    },
    deps,
  );
  return { contactId, activityId: activity.activityId, duplicate: outcome === 'duplicate' };
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
