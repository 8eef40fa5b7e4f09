import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '#shared/runtime/logger.ts';
import {
  type RefreshDeps,
  type RefreshOutcome,
  refreshStaleScores,
} from '#shared/scoring/refresh-stale-scores.ts';

/**
 * The scheduled decay job: re-scores the contacts due on the re-score schedule, a bounded batch per
 * run, stopping before the function's deadline.
 */
export function createScoreRefresherHandler(deps: Omit<RefreshDeps, 'timeLeftMs'>) {
  return middy<ScheduledEvent, RefreshOutcome, Error, Context>().handler(async (_event, context) => {
    const outcome = await refreshStaleScores({
      ...deps,
      timeLeftMs: () => context.getRemainingTimeInMillis(),
    });
    logger.info('stale scores refreshed', { ...outcome });
    return outcome;
  });
}
