import type { Contact } from '#shared/contact/contact.ts';
import type {
  ContactDirectory,
  ContactListEntry,
  ContactListPage,
  ContactListQuery,
} from '#shared/contact/contact-directory.ts';
import { contactSearchText } from '#shared/contact/contact-search-text.ts';
import { contactIdentity } from '#shared/lifecycle/contact-snapshot.ts';
import { InvalidCursorError } from '#shared/review/review-queue.ts';
import type { InMemoryContactRepository } from './in-memory-contact-repository.ts';

/**
 * The contact list over an InMemoryContactRepository, with the semantics of its indexes: sorted by
 * update or score (unscored contacts only in the former), filters, cursor = position.
 */
export class InMemoryContactDirectory implements ContactDirectory {
  private readonly repository: InMemoryContactRepository;
  readonly queries: ContactListQuery[] = [];

  constructor(repository: InMemoryContactRepository) {
    this.repository = repository;
  }

  async entry(contactId: string): Promise<ContactListEntry | undefined> {
    const contact = this.repository.contacts.get(contactId);
    return contact ? entryOf(contact) : undefined;
  }

  async list(query: ContactListQuery): Promise<ContactListPage> {
    this.queries.push(query);
    const sign = query.order === 'asc' ? 1 : -1;
    const matching = [...this.repository.contacts.values()]
      .filter((contact) => query.stages.includes(contact.stage))
      .filter((contact) => query.sort === 'updated' || contact.score !== undefined)
      .filter(
        (contact) => query.minScore === undefined || (contact.score?.total ?? -Infinity) >= query.minScore,
      )
      .filter(
        (contact) => query.maxScore === undefined || (contact.score?.total ?? Infinity) <= query.maxScore,
      )
      .filter((contact) => !query.text || contactSearchText(contact).includes(query.text))
      .sort((a, b) =>
        query.sort === 'score'
          ? sign * ((a.score?.total ?? 0) - (b.score?.total ?? 0))
          : sign * a.updatedAt.localeCompare(b.updatedAt),
      );
    const start = query.cursor === undefined ? 0 : Number(query.cursor);
    if (!Number.isInteger(start) || start < 0) throw new InvalidCursorError('bad cursor');
    const end = start + query.limit;
    return {
      contacts: matching.slice(start, end).map(entryOf),
      nextCursor: end < matching.length ? String(end) : undefined,
    };
  }
}

function entryOf(contact: Contact): ContactListEntry {
  return {
    ...contactIdentity(contact),
    stage: contact.stage,
    score: contact.score?.total,
    grade: contact.score?.grade,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}
