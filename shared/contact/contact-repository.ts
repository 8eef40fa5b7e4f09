import type { FormType } from '#events/vocabulary/activity-type.ts';
import type { Score } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';
import type { Activity, Touch } from '#shared/activity/activity.ts';
import type {
  AnnounceFailure,
  AnswerReadings,
  Consent,
  Contact,
  ContactProfile,
  PendingReview,
  Qualification,
  QualificationAnswers,
} from './contact.ts';

/** What one submission or engagement signal adds to a contact. */
export interface ActivityRecord {
  readonly contactId: string;
  /** Only the fields the signal carried; absent fields leave the stored ones untouched. */
  readonly profile: ContactProfile;
  readonly answers: QualificationAnswers;
  /** Readings of the answers that were mapped form options; an answer given without one loses its old one. */
  readonly answerReadings?: AnswerReadings;
  readonly consent?: Consent;
  readonly touch?: Touch;
  readonly activity: Activity;
}

export interface StageTransition {
  readonly from: Stage;
  readonly to: Stage;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export interface ScoreUpdate {
  readonly score: Score;
  readonly stage: Stage;
  readonly interest?: FormType;
  readonly transition?: StageTransition;
  /** Only a new qualification; a stored one is left as it is. */
  readonly qualification?: Qualification;
  /** Only a new review request. Leaving stage `review` removes the pending review (and its queue entry). */
  readonly review?: PendingReview;
  /** Set when sales rejects a review (see Contact.recycledAt). */
  readonly recycledAt?: string;
  /** Answers a person learned (a sales review); non-empty ones are stored beside the form's. */
  readonly answers?: QualificationAnswers;
  /** When the scheduled job should re-score this contact; absent takes it off the schedule. */
  readonly rescoreDueAt?: string;
  /** The contact's folded names, address and company, for the console's list search. */
  readonly searchText?: string;
}

/** A hand-off whose event is on the bus. */
export type Announcement =
  | { readonly kind: 'qualification'; readonly id: string }
  | { readonly kind: 'review'; readonly id: string };

export interface FailedAnnouncement {
  readonly attempts: number;
  readonly failure: AnnounceFailure;
  readonly deadLetteredAt?: string;
  readonly retryAt: string;
}

/** An email as the contact's history shows it (nurture keeps the full record, see nurture-store.ts). */
export interface SentEmail {
  readonly messageId: string;
  readonly template: string;
  readonly sentAt: string;
  /** `sent`, then what SES reported: delivered, opened, clicked, bounced, complained. */
  readonly outcome: string;
}

/**
 * The contact store as the use cases need it. Writes are conditional: recording is idempotent on
 * the activity id, and score updates are optimistic on the contact version.
 */
export interface ContactRepository {
  /** `duplicate` when this activity id was already recorded; nothing is written then. */
  recordActivity(record: ActivityRecord): Promise<'recorded' | 'duplicate'>;
  load(contactId: string): Promise<{ contact: Contact; activities: Activity[] } | undefined>;
  /**
   * When the contact's data was erased on request, if it was: erasure keeps only a suppression that
   * says so. Lets a consumer tell an event that raced an erasure from one about no contact at all.
   */
  erasedAt(contactId: string): Promise<string | undefined>;
  /** `conflict` when the contact changed since `expectedVersion` was read; nothing is written then. */
  saveScore(contactId: string, expectedVersion: number, update: ScoreUpdate): Promise<'saved' | 'conflict'>;
  /**
   * Records that a hand-off's event was put, so it is not announced again. A no-op when the hand-off
   * is no longer the contact's current one.
   */
  markAnnounced(contactId: string, announcement: Announcement, at: string): Promise<void>;
  /**
   * Records a failed put of a hand-off's event (attempts, why, dead-lettered when they ran out) and
   * puts the contact back on the re-score schedule at `retryAt`. A no-op when the hand-off is no
   * longer the contact's current one or was announced meanwhile.
   */
  markAnnounceFailed(
    contactId: string,
    announcement: Announcement,
    failure: FailedAnnouncement,
  ): Promise<void>;
  /**
   * Records that "Contact Activity Recorded" of this activity was put: `recordActivity` writes an
   * outbox entry in its transaction, and this removes it. A no-op when already removed.
   */
  markActivityAnnounced(activity: Pick<Activity, 'activityId' | 'recordedAt'>): Promise<void>;
}
