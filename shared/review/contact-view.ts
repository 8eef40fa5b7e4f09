import type { Contact } from '#shared/contact/contact.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';

/** One entry of `GET /admin/reviews`: who, why they are waiting, since when, and the explained score. */
export function reviewEntry(contact: Contact) {
  return {
    contactId: contact.contactId,
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    jobTitle: contact.jobTitle,
    country: contact.country,
    requestedAt: contact.review?.requestedAt,
    reason: contact.review?.reason,
    answers: contact.answers,
    score: contact.score,
  };
}

/** `GET /admin/contacts?email=`: the contact with stage, score, breakdown, activities and transitions. */
export function contactView(history: ContactHistory) {
  const { contact } = history;
  return {
    contact: {
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
      stage: contact.stage,
      answers: contact.answers,
      consent: contact.consent,
      firstTouch: contact.firstTouch,
      lastTouch: contact.lastTouch,
      interest: contact.interest,
      review: contact.review,
      qualification: contact.qualification,
      recycledAt: contact.recycledAt,
      nurture: contact.nurture,
      createdAt: contact.createdAt,
      updatedAt: contact.updatedAt,
    },
    score: contact.score,
    activities: history.activities,
    transitions: history.transitions,
    emails: history.emails,
  };
}
