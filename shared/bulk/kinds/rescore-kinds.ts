import * as z from 'zod/mini';
import { SCHEDULED_RESCORE } from '#shared/scoring/refresh-stale-scores.ts';
import { ContactErasedError, ContactNotFoundError, rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { addCounts, type BulkDeps, InvalidJobInputError, type JobKind } from '../job-kind.ts';

/** The transition author of stage changes a re-score of every contact made. */
export const BULK_RESCORE = 'bulk re-score';

interface RescoreCounts extends Record<string, number> {
  readonly rescored: number;
  readonly qualified: number;
  readonly reviewsRequested: number;
  /** Erased or gone between the read of its id and its re-score: nothing to do. */
  readonly gone: number;
}

const noCounts = (): RescoreCounts => ({ rescored: 0, qualified: 0, reviewsRequested: 0, gone: 0 });

/** Re-scores one contact; a contact erased meanwhile is counted as gone, not as a failure. */
async function rescoreCounting(
  contactId: string,
  deps: BulkDeps,
  by: string,
  bulkJobId?: string,
): Promise<RescoreCounts> {
  try {
    const outcome = await rescoreContact(contactId, deps, by, bulkJobId);
    return {
      rescored: 1,
      qualified: outcome.qualified ? 1 : 0,
      reviewsRequested: outcome.reviewRequested ? 1 : 0,
      gone: 0,
    };
  } catch (error) {
    if (error instanceof ContactErasedError || error instanceof ContactNotFoundError) {
      return { ...noCounts(), gone: 1 };
    }
    throw error;
  }
}

const countsOnly = {
  empty: noCounts,
  merge: addCounts<RescoreCounts>,
  counts: (total: RescoreCounts) => total,
};

/**
 * Every stored contact re-scored under the published model, its stage moved only as the lifecycle
 * rules allow (the same use case as the scorer's). Its hand-offs carry the job id, so sales hears of
 * them once, in the job's summary, instead of one email per contact.
 */
export const rescoreAllKind: JobKind<'contacts', Record<string, never>, RescoreCounts> = {
  name: 'rescore-all',
  source: 'contacts',
  description: 'Re-scores every stored contact under the published model.',
  parseInput: () => ({}),
  itemKey: (entry) => entry.contactId,
  process: (entry, { jobId, deps }) => rescoreCounting(entry.contactId, deps, BULK_RESCORE, jobId),
  result: (total) => ({ ...total }),
  ...countsOnly,
};

/** Due contacts one segment takes on: a chain of pieces re-scores this many in a few minutes. */
export const DUE_PER_SEGMENT = 2_000;

const dueInputSchema = z.object({ dueBy: z.iso.datetime(), from: z.optional(z.iso.datetime()) });
type DueInput = z.infer<typeof dueInputSchema>;

/**
 * The stale-score drain: every contact due on the re-score schedule by `dueBy` (decay, or a
 * hand-off still to announce), sliced by due time into segments. A contact that fails keeps its
 * place on the schedule for the next run and holds up no one behind it.
 */
export const rescoreDueKind: JobKind<'due', DueInput, RescoreCounts> = {
  name: 'rescore-due',
  source: 'due',
  description: 'Re-scores every contact due on the re-score schedule (the hourly stale-score job).',
  segmentsFor: (estimate) => Math.ceil((estimate ?? 0) / DUE_PER_SEGMENT),
  parseInput(input) {
    const parsed = dueInputSchema.safeParse(input);
    if (!parsed.success) throw new InvalidJobInputError('rescore-due needs dueBy, an ISO instant.');
    return parsed.data;
  },
  itemKey: (entry) => entry.contactId,
  process: (entry, { deps }) => rescoreCounting(entry.contactId, deps, SCHEDULED_RESCORE),
  result: (total, input) => ({ ...total, dueBy: input.dueBy }),
  ...countsOnly,
};
