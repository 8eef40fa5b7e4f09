import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactActivityRecorded } from '#events/contact-activity-recorded.ts';
import { contactScored } from '#events/contact-scored.ts';
import { EventContractError, parseDetail } from '#events/contract.ts';
import { leadReviewRequested } from '#events/lead-review-requested.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import { closeFollowUp, startFollowUp, type TrackFollowUpDeps } from '#shared/follow-up/track-follow-ups.ts';
import { logger } from '#shared/runtime/logger.ts';

/**
 * Keeps the follow-ups: a hand-off ("Lead Review Requested", "Prospect Qualified") opens one with
 * its deadline; leaving the stage ("Contact Scored": the review decided, the prospect won, lost or
 * recycled) or a logged sales interaction (the first touch) closes it.
 */
export function createFollowUpTrackerHandler(deps: TrackFollowUpDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const type = event['detail-type'];
    if (type === leadReviewRequested.detailType || type === prospectQualified.detailType) {
      const review = type === leadReviewRequested.detailType;
      const detail = review ? parseDetail(leadReviewRequested, event) : parseDetail(prospectQualified, event);
      const outcome = await startFollowUp(
        {
          contactId: detail.contact.contactId,
          kind: review ? 'review' : 'first-touch',
          handOffId: 'reviewRequestId' in detail ? detail.reviewRequestId : detail.qualificationId,
          at: 'requestedAt' in detail ? detail.requestedAt : detail.qualifiedAt,
          ownerId: detail.owner?.id,
        },
        deps,
      );
      logger.info('follow-up opened', {
        contactId: detail.contact.contactId,
        changed: outcome !== 'unchanged',
      });
      return;
    }
    if (type === contactScored.detailType) {
      const detail = parseDetail(contactScored, event);
      const left = detail.previousStage !== detail.stage ? detail.previousStage : undefined;
      if (left === 'review' || left === 'prospect') {
        await closeFollowUp(
          detail.contactId,
          left === 'review' ? 'review' : 'first-touch',
          detail.scoredAt,
          deps,
        );
        logger.info('follow-up closed', { contactId: detail.contactId, left });
      }
      return;
    }
    if (type === contactActivityRecorded.detailType) {
      const detail = parseDetail(contactActivityRecorded, event);
      if (detail.activityType !== 'sales_interaction') return;
      await closeFollowUp(detail.contactId, 'first-touch', detail.occurredAt, deps);
      logger.info('follow-up closed by a first touch', { contactId: detail.contactId });
      return;
    }
    throw new EventContractError(`The follow-up tracker does not handle "${type}" events.`);
  });
}
