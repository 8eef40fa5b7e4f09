import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { type ActivityOutbox, relayUnannouncedActivities } from '#shared/activity/activity-outbox.ts';
import { logger } from '#shared/runtime/logger.ts';
import {
  type RefreshDeps,
  type RefreshOutcome,
  refreshStaleScores,
} from '#shared/scoring/refresh-stale-scores.ts';
import type { WithModelReader } from '#shared/scoring/scoring-model-config.ts';

export type ScoreRefresherDeps = WithModelReader<Omit<RefreshDeps, 'timeLeftMs'>> & {
  readonly outbox: ActivityOutbox;
};

/**
 * The scheduled decay job: first relays the "Contact Activity Recorded" events that were lost
 * between an intake's write and its PutEvents (the activity outbox), then re-scores the contacts
 * due on the re-score schedule, a bounded batch per run, stopping before the function's deadline.
 */
export function createScoreRefresherHandler(deps: ScoreRefresherDeps) {
  return middy<ScheduledEvent, RefreshOutcome & { relayed: number }, Error, Context>().handler(
    async (_event, context) => {
      // A relay that fails (the bus is down) must not hold up the re-scores: it is retried next run,
      // and the invocation still fails at the end, so the function's error alarm tells someone.
      const relay = await relayUnannouncedActivities(deps).then(
        (relayed) => ({ relayed }),
        (error: unknown) => ({ relayed: 0, error }),
      );
      const outcome = await refreshStaleScores({
        ...deps,
        model: (await deps.model()).document,
        timeLeftMs: () => context.getRemainingTimeInMillis(),
      });
      logger.info('stale scores refreshed', { ...outcome, relayed: relay.relayed });
      if ('error' in relay) throw relay.error;
      return { ...outcome, relayed: relay.relayed };
    },
  );
}
