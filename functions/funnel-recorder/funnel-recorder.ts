import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactScored } from '#events/contact-scored.ts';
import { EventContractError, parseDetail } from '#events/contract.ts';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import type { FunnelEntry } from '#shared/funnel/funnel-counters.ts';
import type { FunnelStore } from '#shared/funnel/funnel-store.ts';
import {
  countQualification,
  countReviewRequested,
  countScoredContact,
} from '#shared/funnel/record-funnel-event.ts';
import { logger } from '#shared/runtime/logger.ts';

export interface FunnelRecorderDeps {
  readonly funnel: FunnelStore;
}

/**
 * Consumer of "Contact Scored", "Lead Review Requested" and "Prospect Qualified": counts each
 * funnel fact once on its day, for the console's funnel (`GET /admin/funnel`).
 */
export function createFunnelRecorderHandler(deps: FunnelRecorderDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const counted = await countEvent(event, deps.funnel);
    logger.info('funnel counted', {
      detailType: event['detail-type'],
      eventId: event.id,
      counted: counted.flatMap((entry) => entry.counters),
    });
  });
}

function countEvent(event: EventBridgeEvent<string, unknown>, funnel: FunnelStore): Promise<FunnelEntry[]> {
  switch (event['detail-type']) {
    case contactScored.detailType:
      return countScoredContact(parseDetail(contactScored, event), funnel);
    case leadReviewRequested.detailType:
      return countReviewRequested(parseDetail(leadReviewRequested, event), funnel);
    case prospectQualified.detailType:
      return countQualification(parseDetail(prospectQualified, event), funnel);
    default:
      throw new EventContractError(`The funnel recorder does not handle "${event['detail-type']}" events.`);
  }
}
