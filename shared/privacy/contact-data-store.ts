import type { Suppression } from '#shared/nurture/nurture-state.ts';

/**
 * Everything leadflow holds on one contact, grouped for a person to read (GDPR article 15). Items are
 * as stored, without the table's key and index attributes.
 */
export interface ContactDataExport {
  readonly contactId: string;
  /** Profile fields, consent, touches, qualification answers, the current score with its breakdown. */
  readonly profile: Readonly<Record<string, unknown>>;
  readonly activities: readonly Readonly<Record<string, unknown>>[];
  readonly transitions: readonly Readonly<Record<string, unknown>>[];
  readonly emails: readonly Readonly<Record<string, unknown>>[];
  /** Nurture track, double opt-in, topics left, and suppression. */
  readonly nurture?: Readonly<Record<string, unknown>>;
  /** Anything else kept in the contact's partition (digest markers, notices sent to sales…). */
  readonly other: readonly Readonly<Record<string, unknown>>[];
}

export type ErasureOutcome =
  | { readonly outcome: 'erased'; readonly erasedAt: string }
  /** Erased earlier and nothing new recorded since: `erasedAt` is the first erasure's. */
  | { readonly outcome: 'already-erased'; readonly erasedAt: string }
  | { readonly outcome: 'not-found' };

/** Reads and erases all of one contact's data; implemented on the single table. */
export interface ContactDataStore {
  /** Undefined when no contact has this id (or it was erased). */
  exportData(contactId: string): Promise<ContactDataExport | undefined>;
  /**
   * Deletes every item held on the contact, its index entries and its digest entries, and leaves
   * only the suppression the `suppressionAfter` policy returns, keyed by the contact id (itself a
   * hash of the address), so the address is never mailed again if it comes back.
   */
  erase(
    contactId: string,
    at: string,
    suppressionAfter: (existing: Suppression | undefined, at: string) => Suppression,
  ): Promise<ErasureOutcome>;
}
