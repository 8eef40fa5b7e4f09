import type { DetailOf } from '#events/contract.ts';
import type { leadReviewRequested } from '#events/lead-review-requested.ts';
import type { prospectQualified } from '#events/prospect-qualified.ts';
import type { Score } from '#events/vocabulary/score.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact, PendingReview, Qualification } from '#shared/contact/contact.ts';
import { contactSnapshot } from './contact-snapshot.ts';

/** Everything a CRM needs to open the opportunity without calling back into leadflow. */
export function prospectQualifiedDetail(
  contact: Contact,
  score: Score,
  activities: readonly Activity[],
  qualification: Qualification,
  reason: string,
  bulkJobId?: string,
): DetailOf<typeof prospectQualified> {
  return {
    version: 1,
    qualificationId: qualification.qualificationId,
    qualifiedAt: qualification.qualifiedAt,
    qualifiedBy: qualification.by,
    reason,
    score,
    ...contactSnapshot(contact, activities),
    ...(bulkJobId ? { bulkJobId } : {}),
  };
}

/** What a reviewer (or a sales tool's task queue) needs to decide on a lead. */
export function leadReviewRequestedDetail(
  contact: Contact,
  score: Score,
  activities: readonly Activity[],
  review: PendingReview,
  bulkJobId?: string,
): DetailOf<typeof leadReviewRequested> {
  return {
    version: 1,
    reviewRequestId: review.reviewRequestId,
    requestedAt: review.requestedAt,
    reason: review.reason,
    score,
    ...contactSnapshot(contact, activities),
    ...(bulkJobId ? { bulkJobId } : {}),
  };
}
