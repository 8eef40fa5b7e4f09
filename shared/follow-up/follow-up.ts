/**
 * A follow-up owed to a hand-off: a review to decide, or a new prospect to touch first. It opens
 * with the hand-off event and closes with the decision or the first touch; reminders and
 * escalations are sent from it. Events may arrive in any order, so a close seen before its start
 * is kept (as `closedAt` without a start) and makes that start arrive closed.
 */
/** Every kind of follow-up: erasing a contact deletes one of each. */
export const FOLLOW_UP_KINDS = ['review', 'first-touch'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export interface FollowUp {
  readonly contactId: string;
  readonly kind: FollowUpKind;
  /** The review request or qualification it follows up; absent on a close seen first. */
  readonly handOffId?: string;
  readonly ownerId?: string;
  readonly startedAt?: string;
  readonly remindAt?: string;
  readonly dueAt?: string;
  readonly closedAt?: string;
  readonly remindedAt?: string;
  readonly escalatedAt?: string;
  /** Optimistic concurrency: every write expects the version it read. */
  readonly version: number;
}

/** A follow-up that is due and owes nothing is left alone; otherwise the one notice it owes now. */
export type FollowUpNotice = 'reminder' | 'escalation';
