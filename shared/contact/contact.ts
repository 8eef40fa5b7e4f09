import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { Touch } from '#shared/activity/activity.ts';

/** Free-text answers of a detailed form or a sales conversation; a non-empty answer counts as known. */
export interface QualificationAnswers {
  readonly budget?: string;
  readonly authority?: string;
  readonly need?: string;
  readonly timeline?: string;
  /** GPCT (goals, plans, challenges, timeline), beside BANT. */
  readonly goals?: string;
  readonly plans?: string;
  readonly challenges?: string;
}

/**
 * How a form's picklist option reads for its answer, as the forms configuration maps it
 * (`answerOptions`): qualifying, disqualifying (a negative answer), or unknown ("not sure").
 */
export const ANSWER_READINGS = ['qualifying', 'disqualifying', 'unknown'] as const;
export type AnswerReading = (typeof ANSWER_READINGS)[number];
export type AnswerReadings = Partial<Record<keyof QualificationAnswers, AnswerReading>>;

/**
 * The readings after new answers arrive: an answer given again keeps a reading only if the new one
 * came with its own (a mapped form option); a free-text answer is read by the model instead.
 */
export function readingsAfter(
  stored: AnswerReadings | undefined,
  answers: QualificationAnswers,
  given: AnswerReadings | undefined,
): AnswerReadings {
  const next: Partial<Record<keyof QualificationAnswers, AnswerReading>> = { ...stored };
  for (const key of Object.keys(answers) as (keyof QualificationAnswers)[]) {
    const reading = given?.[key];
    if (reading) next[key] = reading;
    else delete next[key];
  }
  return next;
}

export const LEGAL_BASES = ['consent', 'legitimate-interest'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Consent as the form stated it, recorded with when and through which source. */
export interface Consent {
  readonly granted: boolean;
  readonly purpose?: string;
  readonly legalBasis: LegalBasis;
  readonly recordedAt: string;
  readonly source: string;
}

export interface ContactProfile {
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  readonly phone?: string;
  readonly country?: string;
  /** Employees, as the form gave it: `42`, `51-200`, `1000+`. */
  readonly companySize?: string;
  readonly industry?: string;
}

/** Why the last put of a hand-off failed, in words without personal data. */
export interface AnnounceFailure {
  readonly at: string;
  readonly reason: string;
}

/** What a hand-off record keeps about its announcement until "announcedAt" is set. */
export interface AnnouncementProgress {
  /** Set once the event is on the bus; until then the hand-off is re-announced. */
  readonly announcedAt?: string;
  /** Failed puts so far. */
  readonly announceAttempts?: number;
  readonly lastAnnounceFailure?: AnnounceFailure;
  /** Set when the attempts ran out: the hand-off was counted as dead-lettered and alarmed. */
  readonly deadLetteredAt?: string;
}

/** A qualification hand-off to sales; its id is the idempotency key of "Prospect Qualified". */
export interface Qualification extends AnnouncementProgress {
  readonly qualificationId: string;
  readonly qualifiedAt: string;
  readonly by: { readonly kind: 'auto' } | { readonly kind: 'person'; readonly id: string };
  /** Why it qualified, in plain words (carried by the event). */
  readonly reason?: string;
}

/** A lead waiting for a person in sales; its id is the idempotency key of "Lead Review Requested". */
export interface PendingReview extends AnnouncementProgress {
  readonly reviewRequestId: string;
  readonly requestedAt: string;
  readonly reason: string;
}

export interface Contact extends ContactProfile {
  readonly contactId: string;
  readonly answers: QualificationAnswers;
  /** The reading of each answer given as a mapped form option; free-text answers have none. */
  readonly answerReadings?: AnswerReadings;
  readonly consent?: Consent;
  readonly firstTouch?: Touch;
  readonly lastTouch?: Touch;
  /** The strongest form interest shown so far, which picks the nurture track. */
  readonly interest?: FormType;
  readonly stage: Stage;
  readonly score?: Score;
  readonly qualification?: Qualification;
  /** The review a lead in stage `review` waits for. */
  readonly review?: PendingReview;
  /**
   * When sales last rejected a review: only activity after it can send the lead back to review or
   * qualify it, so a rejected lead does not bounce straight back on its old signals.
   */
  readonly recycledAt?: string;
  /**
   * When an import created the contact: its imported history is scored, but only engagement after
   * the import hands it to sales, so a migrated base does not flood the team with hand-offs.
   */
  readonly importedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optimistic-locking counter: every write that reads first checks it. */
  readonly version: number;
}
