import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';

/**
 * What a hand-off event says about the contact: identity and profile, answers, attribution and a
 * summary of its history, so a CRM can open a record without calling back into leadflow.
 */
export function contactSnapshot(contact: Contact, activities: readonly Activity[]) {
  const byType: Record<string, number> = {};
  for (const activity of activities) byType[activity.type] = (byType[activity.type] ?? 0) + 1;
  const latest = activities.at(-1);
  return {
    contact: contactIdentity(contact),
    answers: contact.answers,
    attribution: { firstTouch: contact.firstTouch, lastTouch: contact.lastTouch },
    activitySummary: {
      count: activities.length,
      byType,
      firstAt: activities[0]?.occurredAt,
      lastAt: latest?.occurredAt,
    },
    trigger: latest && {
      type: latest.type,
      at: latest.occurredAt,
      channel: latest.channel,
      source: latest.source,
      formType: latest.formType,
      page: latest.page,
    },
  };
}

/** Who the contact is: identity and profile, without history or lifecycle state. */
export function contactIdentity(contact: Contact) {
  return {
    contactId: contact.contactId,
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    jobTitle: contact.jobTitle,
    phone: contact.phone,
    country: contact.country,
    companySize: contact.companySize,
    industry: contact.industry,
  };
}
