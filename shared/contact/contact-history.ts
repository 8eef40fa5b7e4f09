import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from './contact.ts';
import type { SentEmail, StageTransition } from './contact-repository.ts';

/** Everything leadflow knows about one contact, for the people who explain and review it. */
export interface ContactHistory {
  readonly contact: Contact;
  readonly activities: readonly Activity[];
  /** Oldest first. */
  readonly transitions: readonly StageTransition[];
  readonly emails: readonly SentEmail[];
}

/** Reads a contact's whole history (the admin API's contact view, `npm run model -- explain`). */
export interface ContactHistoryReader {
  history(contactId: string): Promise<ContactHistory | undefined>;
}
