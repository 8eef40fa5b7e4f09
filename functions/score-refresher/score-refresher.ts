import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { type RelayDeps, relayUnannouncedActivities } from '#shared/activity/activity-outbox.ts';
import { logger } from '#shared/runtime/logger.ts';
import {
  type RefreshDeps,
  type RefreshOutcome,
  refreshStaleScores,
} from '#shared/scoring/refresh-stale-scores.ts';

export interface ScoreRefresherDeps extends RefreshDeps, RelayDeps {}

/**
 * The scheduled decay job: first relays the "Contact Activity Recorded" events that were lost
 * between an intake's write and its PutEvents (the activity outbox), then starts the bulk job that
 * re-scores every contact due on the re-score schedule (see refreshStaleScores).
 */
export function createScoreRefresherHandler(deps: ScoreRefresherDeps) {
  return middy<ScheduledEvent, RefreshOutcome & { relayed: number }, Error, Context>().handler(async () => {
    // A relay that fails (the bus is down) must not hold up the re-scores: it is retried next run,
    // and the invocation still fails at the end, so the function's error alarm tells someone.
    const relay = await relayUnannouncedActivities(deps).then(
      (relayed) => ({ relayed }),
      (error: unknown) => ({ relayed: 0, error }),
    );
    const outcome = await refreshStaleScores(deps);
    logger.info('stale scores refreshing', { ...outcome, relayed: relay.relayed });
    if ('error' in relay) throw relay.error;
    return { ...outcome, relayed: relay.relayed };
  });
}
