import { logger } from '#shared/runtime/logger.ts';
import { SETTINGS } from '#shared/runtime/settings.ts';
import { type RescoreDeps, rescoreContact } from './rescore-contact.ts';
import type { RescoreSchedule } from './rescore-schedule.ts';

export interface RefreshDeps extends RescoreDeps {
  readonly schedule: RescoreSchedule;
  /** Most contacts re-scored per run: the cost of a run is bounded whatever the table holds. */
  readonly batchSize: number;
  /** Milliseconds left before the function's deadline; the run stops early rather than time out. */
  readonly timeLeftMs?: () => number;
}

export interface RefreshOutcome {
  readonly due: number;
  readonly rescored: number;
  readonly failed: number;
  /** True when the batch was full: more contacts may be due, and the next run takes them. */
  readonly more: boolean;
}

/** Re-scores this many contacts side by side: enough to finish a batch quickly, gentle on the table. */
const CONCURRENCY = 4;
/** Leave this much time for the last re-scores in flight to finish before the deadline. */
const SAFETY_MARGIN_MS = 3_000;

/** How many contacts one run re-scores at most; set by the wiring declaration. */
export const RESCORE_BATCH_SIZE_ENV = SETTINGS.rescoreBatchSize.name;

/** The transition author for stage changes that time alone caused. */
export const SCHEDULED_RESCORE = 'scheduled re-score';

/**
 * Re-scores the contacts whose stored score has gone stale (decay) or whose hand-off still waits to
 * be announced, as listed by the re-score schedule. A contact that fails keeps its place on the
 * schedule, so the next run tries it again; the others are not held up by it.
 */
export async function refreshStaleScores(deps: RefreshDeps): Promise<RefreshOutcome> {
  const due = await deps.schedule.due(deps.clock().toISOString(), deps.batchSize);
  let rescored = 0;
  let failed = 0;
  for (let start = 0; start < due.length; start += CONCURRENCY) {
    if (deps.timeLeftMs && deps.timeLeftMs() < SAFETY_MARGIN_MS) break;
    const results = await Promise.allSettled(
      due
        .slice(start, start + CONCURRENCY)
        .map((contactId) => rescoreContact(contactId, deps, SCHEDULED_RESCORE)),
    );
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        rescored += 1;
        return;
      }
      failed += 1;
      const error = result.reason;
      logger.error('stale score not refreshed', {
        contactId: due[start + index],
        error: error instanceof Error ? { name: error.name, message: error.message } : 'unknown',
      });
    });
  }
  return { due: due.length, rescored, failed, more: due.length === deps.batchSize };
}
