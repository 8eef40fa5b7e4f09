import type { Contact } from '#shared/contact/contact.ts';
import type { ContactHistory } from '#shared/contact/contact-history.ts';
import { pendingAnnouncement } from '#shared/lifecycle/announcement.ts';
import { contactIdentity } from '#shared/lifecycle/contact-snapshot.ts';
import { ownerDetail } from '#shared/routing/owner-detail.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';

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

/**
 * `GET /admin/contacts?email=`: the contact with stage, score, breakdown, activities and transitions,
 * its owner, and the people it can be given to.
 */
export function contactView(history: ContactHistory, routing: RoutingConfig) {
  const { contact } = history;
  return {
    owner: contact.owner && { ...contact.owner, ...ownerDetail(contact.owner, routing) },
    people: Object.entries(routing.people).map(([id, person]) => ({ id, name: person.name })),
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
