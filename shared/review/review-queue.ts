import type { Contact } from '#shared/contact/contact.ts';

export interface ReviewPage {
  /** Contacts in stage `review`, the longest waiting first. */
  readonly contacts: readonly Contact[];
  /** Pass it back to read the next page; absent on the last one. */
  readonly nextCursor?: string;
}

/** The leads waiting for a person in sales, read from an index of them only (never a scan). */
export interface ReviewQueue {
  /** Throws InvalidCursorError for a cursor it did not hand out. */
  pending(limit: number, cursor?: string): Promise<ReviewPage>;
}

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}
