import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { type ActivityOutbox, relayUnannouncedActivities } from '#shared/activity/activity-outbox.ts';
import { logger } from '#shared/runtime/logger.ts';
import {
  type RefreshDeps,
  type RefreshOutcome,
  refreshStaleScores,
} from '#shared/scoring/refresh-stale-scores.ts';

export interface ScoreRefresherDeps extends Omit<RefreshDeps, 'timeLeftMs'> {
  readonly outbox: ActivityOutbox;
}

/**
 * The scheduled decay job: first relays the "Contact Activity Recorded" events that were lost
 * between an intake's write and its PutEvents (the activity outbox), then re-scores the contacts
 * due on the re-score schedule, a bounded batch per run, stopping before the function's deadline.
 */
export function createScoreRefresherHandler(deps: ScoreRefresherDeps) {
  return middy<ScheduledEvent, RefreshOutcome & { relayed: number }, Error, Context>().handler(
    async (_event, context) => {
      const relayed = await relayUnannouncedActivities(deps);
      const outcome = await refreshStaleScores({
        ...deps,
        timeLeftMs: () => context.getRemainingTimeInMillis(),
      });
      logger.info('stale scores refreshed', { ...outcome, relayed });
      return { ...outcome, relayed };
    },
  );
}
