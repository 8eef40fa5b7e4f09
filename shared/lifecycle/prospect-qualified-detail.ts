import type { DetailOf } from '#events/contract.ts';
import type { prospectQualified } from '#events/prospect-qualified.ts';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact, Qualification } from '#shared/contact/contact.ts';
import type { Score } from '#shared/scoring/score.ts';

/** Everything a CRM needs to open the opportunity without calling back into leadflow. */
export function prospectQualifiedDetail(
  contact: Contact,
  score: Score,
  activities: readonly Activity[],
  qualification: Qualification,
  reason: string,
): DetailOf<typeof prospectQualified> {
  const byType: Record<string, number> = {};
  for (const activity of activities) byType[activity.type] = (byType[activity.type] ?? 0) + 1;
  return {
    version: 1,
    qualificationId: qualification.qualificationId,
    qualifiedAt: qualification.qualifiedAt,
    qualifiedBy: qualification.by,
    reason,
    contact: {
      contactId: contact.contactId,
      email: contact.email,
      firstName: contact.firstName,
      lastName: contact.lastName,
      company: contact.company,
      jobTitle: contact.jobTitle,
      phone: contact.phone,
      country: contact.country,
    },
    score,
    answers: contact.answers,
    attribution: { firstTouch: contact.firstTouch, lastTouch: contact.lastTouch },
    activitySummary: {
      count: activities.length,
      byType,
      firstAt: activities[0]?.occurredAt,
      lastAt: activities.at(-1)?.occurredAt,
    },
  };
}
