import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { parseDetail } from '#events/contract.ts';
import { logger } from '#shared/runtime/logger.ts';
import { type RescoreDeps, rescoreContact } from '#shared/scoring/rescore-contact.ts';

/**
 * Consumer of "Contact Activity Recorded": validates the event against its contract, then re-scores.
 * Any error fails the invocation, so EventBridge/Lambda retry it and finally dead-letter it.
 */
export function createContactScorerHandler(deps: RescoreDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const detail = parseDetail(contactActivityRecorded, event);
    const outcome = await rescoreContact(detail.contactId, deps);
    logger.info('contact scored', {
      contactId: detail.contactId,
      activityId: detail.activityId,
      score: outcome.score.total,
      stage: outcome.stage,
      qualified: outcome.qualified,
    });
  });
}
