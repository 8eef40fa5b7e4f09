import type { ImportWrite, StoredForImport } from './plan-import-row.ts';

/** The contact store as an import needs it (DynamoDB in AWS and locally, in memory in unit tests). */
export interface ImportStore {
  /** The contact, its nurture state and whether this row was imported before; strongly consistent. */
  read(contactId: string, rowId: string): Promise<StoredForImport>;
  /**
   * Writes the row's contact, history, nurture state and row mark in one transaction, conditional on
   * what `read` saw: `conflict` when anything changed since (nothing is written then).
   */
  write(write: ImportWrite): Promise<'saved' | 'conflict'>;
}
