import type { Activity, Touch } from '#shared/activity/activity.ts';
import type { FormType } from '#shared/activity/activity-type.ts';
import type { Score } from '#shared/scoring/score.ts';
import type { Consent, Contact, ContactProfile, Qualification, QualificationAnswers } from './contact.ts';
import type { Stage } from './stage.ts';

/** What one submission or engagement signal adds to a contact. */
export interface ActivityRecord {
  readonly contactId: string;
  /** Only the fields the signal carried; absent fields leave the stored ones untouched. */
  readonly profile: ContactProfile;
  readonly answers: QualificationAnswers;
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
  readonly qualification?: Qualification;
}

/**
 * The contact store as the use cases need it. Writes are conditional: recording is idempotent on
 * the activity id, and score updates are optimistic on the contact version.
 */
export interface ContactRepository {
  /** `duplicate` when this activity id was already recorded; nothing is written then. */
  recordActivity(record: ActivityRecord): Promise<'recorded' | 'duplicate'>;
  load(contactId: string): Promise<{ contact: Contact; activities: Activity[] } | undefined>;
  /** `conflict` when the contact changed since `expectedVersion` was read; nothing is written then. */
  saveScore(contactId: string, expectedVersion: number, update: ScoreUpdate): Promise<'saved' | 'conflict'>;
}
