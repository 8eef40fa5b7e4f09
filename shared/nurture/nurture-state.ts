/** Why nothing more goes to an address: the person left, or the mailbox refused or complained. */
export type SuppressionReason = 'unsubscribed' | 'hard-bounce' | 'complaint';

export interface Suppression {
  readonly reason: SuppressionReason;
  readonly at: string;
}

/** Double opt-in of a consent-based signup: requested, confirmation sent, then confirmed by the person. */
export interface OptIn {
  readonly status: 'pending' | 'confirmed';
  readonly requestedAt: string;
  readonly confirmationSentAt?: string;
  readonly confirmedAt?: string;
}

export type NurtureStatus = 'active' | 'completed' | 'stopped';

/**
 * Everything about one contact's email: where it is in which track, what it agreed to, what it left.
 * Stored as one item beside the contact and written with optimistic versions, so the sender, the
 * preference page and SES feedback never overwrite each other.
 */
export interface NurtureState {
  readonly contactId: string;
  /** 0 until first stored; every write checks and bumps it. */
  readonly version: number;
  readonly status?: NurtureStatus;
  readonly track?: string;
  /** Index of the next step of `track`. */
  readonly step: number;
  readonly enteredAt?: string;
  /** The last email of the current track; the next step's delay counts from it. */
  readonly lastSentAt?: string;
  /** When the sender should look at this contact again; absent when nothing is pending (sparse index). */
  readonly dueAt?: string;
  readonly stopReason?: string;
  readonly completedTracks: readonly string[];
  readonly optIn?: OptIn;
  readonly suppression?: Suppression;
  readonly unsubscribedTopics: readonly string[];
  /** Times of the nurture emails inside the frequency-cap window, oldest first. */
  readonly recentSends: readonly string[];
  /** Consecutive SES failures of the pending email, for backoff. */
  readonly failedAttempts?: number;
  /**
   * Set by an import that chose not to enrol its leads: nothing is planned for the contact until it
   * engages again after the import (see plan-enrollment.ts), so a migrated base gets no email storm.
   */
  readonly importHold?: { readonly at: string; readonly importId: string };
}

export function emptyNurtureState(contactId: string): NurtureState {
  return { contactId, version: 0, step: 0, completedTracks: [], unsubscribedTopics: [], recentSends: [] };
}

/** Stops everything for a reason; used by unsubscribe and by SES bounce and complaint feedback. */
export function suppress(state: NurtureState, reason: SuppressionReason, at: string): NurtureState {
  return {
    ...state,
    suppression: { reason, at },
    status: state.status ? 'stopped' : state.status,
    stopReason: reason,
    dueAt: undefined,
  };
}
