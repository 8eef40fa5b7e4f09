import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import {
  type RecordEngagementDeps,
  recordEngagementSignal,
} from '#shared/engagement/record-engagement-signal.ts';
import { engagementSignalFrom } from '#shared/engagement/signals-from-events.ts';
import { logger } from '#shared/runtime/logger.ts';

/**
 * Consumer of the engagement signals other tools put on the bus (webinar attended, page visited,
 * meeting booked, sales interaction logged): validates each against its contract and records it as
 * an activity, once, exactly as a form submission is. Any error fails the invocation, so it is
 * retried and finally dead-lettered: nothing accepted on the bus is lost.
 */
export function createEngagementRecorderHandler(deps: RecordEngagementDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const signal = engagementSignalFrom(event);
    const result = await recordEngagementSignal(signal, deps);
    logger.info('engagement signal handled', {
      eventId: event.id,
      detailType: event['detail-type'],
      source: signal.source,
      ...result,
    });
  });
}
