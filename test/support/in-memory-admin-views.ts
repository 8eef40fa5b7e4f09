import type { ContactHistory, ContactHistoryReader } from '#shared/contact/contact-history.ts';
import type { NoticeLog } from '#shared/notify/notice-log.ts';
import { InvalidCursorError, type ReviewPage, type ReviewQueue } from '#shared/review/review-queue.ts';
import type { RescoreSchedule } from '#shared/scoring/rescore-schedule.ts';
import type { InMemoryContactRepository } from './in-memory-contact-repository.ts';

/**
 * Fakes of the read-side interfaces over an InMemoryContactRepository's maps, with the semantics of
 * their DynamoDB indexes (queue oldest first, cursor = position, schedule due by time).
 */
export class InMemoryAdminViews implements ReviewQueue, ContactHistoryReader, RescoreSchedule {
  private readonly repository: InMemoryContactRepository;

  constructor(repository: InMemoryContactRepository) {
    this.repository = repository;
  }

  async pending(limit: number, cursor?: string): Promise<ReviewPage> {
    const queue = [...this.repository.contacts.values()]
      .filter((contact) => contact.stage === 'review' && contact.review)
      .sort((a, b) => String(a.review?.requestedAt).localeCompare(String(b.review?.requestedAt)));
    const start = cursor === undefined ? 0 : Number(cursor);
    if (!Number.isInteger(start) || start < 0) throw new InvalidCursorError('bad cursor');
    const contacts = queue.slice(start, start + limit).map((contact) => structuredClone(contact));
    return { contacts, nextCursor: start + limit < queue.length ? String(start + limit) : undefined };
  }

  async history(contactId: string): Promise<ContactHistory | undefined> {
    const loaded = await this.repository.load(contactId);
    if (!loaded) return undefined;
    return { ...loaded, transitions: [...this.repository.transitions], emails: [] };
  }

  async oldestDue(now: string): Promise<string | undefined> {
    return [...this.repository.rescoreDueAt.values()].filter((at) => at <= now).sort()[0];
  }
}

/** Notice claims in memory, with the conditional-put semantics of the DynamoDB one. */
export class InMemoryNoticeLog implements NoticeLog {
  /** Each claim: sent, or leased until a time. */
  readonly claims = new Map<string, { sentAt?: string; leaseUntil?: string }>();

  get claimed(): Set<string> {
    return new Set(this.claims.keys());
  }

  async claim(contactId: string, key: string, at: string, leaseUntil: string): Promise<boolean> {
    const id = `${contactId}/${key}`;
    const held = this.claims.get(id);
    if (held && (held.sentAt || (held.leaseUntil ?? '') >= at)) return false;
    this.claims.set(id, { leaseUntil });
    return true;
  }

  async confirm(contactId: string, key: string, at: string): Promise<void> {
    this.claims.set(`${contactId}/${key}`, { sentAt: at });
  }

  async release(contactId: string, key: string): Promise<void> {
    this.claims.delete(`${contactId}/${key}`);
  }
}
