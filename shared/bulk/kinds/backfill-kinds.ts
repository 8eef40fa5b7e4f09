import { funnelEntriesOfHistory } from '#shared/funnel/funnel-entries-of-history.ts';
import { addCounts, type JobKind } from '../job-kind.ts';

interface FunnelBackfillCounts extends Record<string, number> {
  readonly contacts: number;
  /** Facts counted now: those the funnel had not counted yet. */
  readonly counted: number;
}

/**
 * The funnel counters for contacts stored before the funnel existed (or whose events were lost to
 * it): every fact their history shows, each counted once under the recorder's own keys.
 */
export const backfillFunnelKind: JobKind<'histories', Record<string, never>, FunnelBackfillCounts> = {
  name: 'backfill-funnel',
  source: 'histories',
  description: 'Counts in the funnel what stored contacts did before the funnel counted it.',
  parseInput: () => ({}),
  itemKey: (history) => history.contact.contactId,
  empty: () => ({ contacts: 0, counted: 0 }),
  async process(history, { deps }) {
    let counted = 0;
    for (const entry of funnelEntriesOfHistory(history)) {
      // A look first: almost every fact of a live table is counted already, and a refused write costs more.
      if (await deps.funnel.counted(entry.contactId, entry.key)) continue;
      if ((await deps.funnel.count(entry)) === 'counted') counted += 1;
    }
    return { contacts: 1, counted };
  },
  merge: addCounts<FunnelBackfillCounts>,
  result: (total) => ({ ...total }),
  counts: (total) => total,
};

interface ListBackfillCounts extends Record<string, number> {
  readonly contacts: number;
  readonly written: number;
}

/**
 * The console's contact-list attributes (score total and grade, search text) for contacts stored
 * before they were written with each score. The index entry shows what a contact lacks, so only
 * those are read and written.
 */
export const backfillListIndexesKind: JobKind<'contacts', Record<string, never>, ListBackfillCounts> = {
  name: 'backfill-list-indexes',
  source: 'contacts',
  description: "Writes the console list's score and search attributes for contacts stored before them.",
  parseInput: () => ({}),
  itemKey: (entry) => entry.contactId,
  empty: () => ({ contacts: 0, written: 0 }),
  async process(entry, { deps }) {
    if (entry.has.scoreTotal && entry.has.searchText) return { contacts: 1, written: 0 };
    const outcome = await deps.listIndexes.backfill(entry.contactId);
    return { contacts: 1, written: outcome === 'written' ? 1 : 0 };
  },
  merge: addCounts<ListBackfillCounts>,
  result: (total) => ({ ...total }),
  counts: (total) => total,
};
