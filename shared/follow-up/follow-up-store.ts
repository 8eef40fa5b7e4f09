import type { FollowUp, FollowUpKind } from './follow-up.ts';

/** The follow-ups, one per contact and kind. */
export interface FollowUpStore {
  get(contactId: string, kind: FollowUpKind): Promise<FollowUp | undefined>;
  /** Writes it if its version is still the stored one (0: none stored); `conflict` otherwise. */
  save(followUp: FollowUp): Promise<'saved' | 'conflict'>;
  /** Every follow-up not closed yet (a bounded set: pending reviews and untouched prospects). */
  open(): Promise<FollowUp[]>;
}
