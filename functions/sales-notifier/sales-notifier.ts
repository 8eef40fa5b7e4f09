import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { bulkJobFinished } from '#events/bulk-job-finished.ts';
import { EventContractError, parseDetail } from '#events/contract.ts';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import type { SalesNotice } from '#shared/notify/notification-email.ts';
import { notifyBulkRescore } from '#shared/notify/notify-bulk-rescore.ts';
import { type NotifySalesDeps, notifySales } from '#shared/notify/notify-sales.ts';
import { invocationWindow } from '#shared/runtime/invocation-window.ts';
import { logger } from '#shared/runtime/logger.ts';

/**
 * Consumer of "Lead Review Requested" and "Prospect Qualified": emails sales and marketing. A
 * hand-off a re-score of every contact made is told once for the whole job, on its "Bulk Job
 * Finished", so a re-score that qualifies thousands sends one email, not thousands.
 */
export function createSalesNotifierHandler(deps: NotifySalesDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event, context) => {
    if (event['detail-type'] === bulkJobFinished.detailType) {
      const detail = parseDetail(bulkJobFinished, event);
      const outcome = await notifyBulkRescore(detail, deps, invocationWindow(context, deps.clock()));
      logger.info('sales told of a bulk re-score', { jobId: detail.jobId, ...outcome });
      return;
    }
    const notice = noticeOf(event);
    if (notice.detail.bulkJobId) {
      logger.info('hand-off left to its bulk job summary', {
        kind: notice.kind,
        contactId: notice.detail.contact.contactId,
        jobId: notice.detail.bulkJobId,
      });
      return;
    }
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
