import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { EventContractError, parseDetail } from '#events/contract.ts';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import type { SalesNotice } from '#shared/notify/notification-email.ts';
import { type NotifySalesDeps, notifySales } from '#shared/notify/notify-sales.ts';
import { invocationWindow } from '#shared/runtime/invocation-window.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Consumer of "Lead Review Requested" and "Prospect Qualified": emails sales and marketing. */
export function createSalesNotifierHandler(deps: NotifySalesDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event, context) => {
    const notice = noticeOf(event);
    const outcome = await notifySales(notice, deps, invocationWindow(context, deps.clock()));
    logger.info('sales notified', {
      kind: notice.kind,
      contactId: notice.detail.contact.contactId,
      ...outcome,
    });
  });
}

function noticeOf(event: EventBridgeEvent<string, unknown>): SalesNotice {
  if (event['detail-type'] === leadReviewRequested.detailType) {
    return { kind: 'review-requested', detail: parseDetail(leadReviewRequested, event) };
  }
  if (event['detail-type'] === prospectQualified.detailType) {
    return { kind: 'prospect-qualified', detail: parseDetail(prospectQualified, event) };
  }
  throw new EventContractError(`The sales notifier does not handle "${event['detail-type']}" events.`);
}
