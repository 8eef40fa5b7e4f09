import type { Contact } from '#shared/contact/contact.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { pendingAnnouncement } from '#shared/lifecycle/announcement.ts';
import { contactIdentity } from '#shared/lifecycle/contact-snapshot.ts';

/** One entry of `GET /admin/reviews`: who, why they are waiting, since when, and the explained score. */
export function reviewEntry(contact: Contact) {
  return {
    ...contactIdentity(contact),
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
      ...contactIdentity(contact),
      stage: contact.stage,
      answers: contact.answers,
      consent: contact.consent,
      firstTouch: contact.firstTouch,
      lastTouch: contact.lastTouch,
      interest: contact.interest,
      review: contact.review,
      qualification: contact.qualification,
      /** Present while the hand-off's event is not on the bus: "qualified, announcement pending". */
      announcementPending: pendingAnnouncement(contact),
      recycledAt: contact.recycledAt,
      createdAt: contact.createdAt,
      updatedAt: contact.updatedAt,
    },
    score: contact.score,
    activities: history.activities,
    transitions: history.transitions,
    emails: history.emails,
  };
}
