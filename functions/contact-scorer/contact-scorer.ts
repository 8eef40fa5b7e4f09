import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { parseDetail } from '#events/contract.ts';
import { logger } from '#shared/runtime/logger.ts';
import { ContactErasedError, type RescoreDeps, rescoreContact } from '#shared/scoring/rescore-contact.ts';
import type { WithModelReader } from '#shared/scoring/scoring-model-config.ts';

/**
 * Consumer of "Contact Activity Recorded": validates the event against its contract, then re-scores.
 * Any error fails the invocation, so EventBridge/Lambda retry it and finally dead-letter it, except
 * an activity of a contact erased since: an expected race, which a dead letter would only alarm about.
 * The model is the one in force (read at most once a minute), and the score records its version.
 */
export function createContactScorerHandler(deps: WithModelReader<RescoreDeps>) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const detail = parseDetail(contactActivityRecorded, event);
    const { document: model } = await deps.model();
    const outcome = await rescoreContact(detail.contactId, { ...deps, model }).catch((error: unknown) => {
      if (error instanceof ContactErasedError) return undefined;
      throw error;
    });
    if (!outcome) {
      logger.info('activity of an erased contact not scored', {
        contactId: detail.contactId,
        activityId: detail.activityId,
      });
      return;
    }
    logger.info('contact scored', {
      contactId: detail.contactId,
      activityId: detail.activityId,
      score: outcome.score.total,
      stage: outcome.stage,
      qualified: outcome.qualified,
    });
  });
}
