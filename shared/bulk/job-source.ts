import type { ContactHistory } from '#shared/contact/contact-history.ts';

/**
 * Where a job's items come from. Each source splits into segments read side by side (DynamoDB
 * parallel Scan segments, or slices of an index's sort-key range) and reads a segment page by page
 * from an opaque cursor, so a piece can stop after any page and the next one read on.
 *
 * - `contacts`: one entry per stored contact, from the contact-list index (ids and list attributes);
 * - `histories`: every stored contact with its whole history, grouped from a Scan of the table;
 * - `due`: the contacts due for a re-score by `input.dueBy`, from the re-score schedule's index.
 */
export interface JobSourceItems {
  readonly contacts: ContactEntry;
  readonly histories: ContactHistory;
  readonly due: { readonly contactId: string };
}
export type SourceName = keyof JobSourceItems;

/** A contact as the contact-list index holds it: its id and which list attributes it has. */
export interface ContactEntry {
  readonly contactId: string;
  /** The attributes of the list rows: absent ones are what a backfill writes. */
  readonly has: { readonly scoreTotal: boolean; readonly searchText: boolean };
}

export interface SourcePage<Item> {
  readonly items: readonly Item[];
  /** Where to read on; undefined when the segment is exhausted. */
  readonly cursor?: string;
}

export interface SegmentRead {
  readonly segment: number;
  readonly segments: number;
  readonly cursor?: string;
  readonly input: Readonly<Record<string, unknown>>;
}

export interface JobSource<Item> {
  page(read: SegmentRead): Promise<SourcePage<Item>>;
  /** How many items the source holds, as cheaply as the store can tell (an estimate). */
  estimate(input: Readonly<Record<string, unknown>>): Promise<number | undefined>;
}

export type JobSources = { readonly [Name in SourceName]: JobSource<JobSourceItems[Name]> };
