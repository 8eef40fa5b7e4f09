import type { Grade } from '#events/vocabulary/score.ts';
import type { Stage } from '#events/vocabulary/stage.ts';

export const CONTACT_SORTS = ['updated', 'score'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const SORT_ORDERS = ['desc', 'asc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** One page of the contact list, as marketing and sales filter and sort it. */
export interface ContactListQuery {
  /** The stages to list; several are merged into one list in the chosen order. */
  readonly stages: readonly Stage[];
  /** `updated`: by last update (every contact); `score`: by score total (scored contacts only). */
  readonly sort: ContactSort;
  readonly order: SortOrder;
  readonly minScore?: number;
  readonly maxScore?: number;
  /** Folded text (see foldForSearch) the contact's names, address, company or title must contain. */
  readonly text?: string;
  readonly limit: number;
  readonly cursor?: string;
}

/** A contact as a list row shows it. */
export interface ContactListEntry {
  readonly contactId: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  readonly country?: string;
  readonly stage: Stage;
  /** Absent until the contact is first scored (a moment after its first activity). */
  readonly score?: number;
  readonly grade?: Grade;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ContactListPage {
  readonly contacts: readonly ContactListEntry[];
  /**
   * Pass it back for the next page; absent on the last one. A page may hold fewer contacts than
   * asked, even none, when a text search examined its share of contacts without enough matches.
   */
  readonly nextCursor?: string;
}

/** The contact list, read from indexes (never a scan of the table): each page costs a bounded work. */
export interface ContactDirectory {
  /** Throws InvalidCursorError for a cursor it did not hand out for this same query. */
  list(query: ContactListQuery): Promise<ContactListPage>;
  /** One contact's row, by id (an exact address search). */
  entry(contactId: string): Promise<ContactListEntry | undefined>;
}
