import type { Activity } from '#shared/activity/activity.ts';
import { type Contact, readingsAfter } from '#shared/contact/contact.ts';
import type {
  ActivityRecord,
  Announcement,
  ContactRepository,
  FailedAnnouncement,
  ScoreUpdate,
  StageTransition,
} from '#shared/contact/contact-repository.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A fake behind the project's own ContactRepository interface, for use-case and handler unit tests.
 * It keeps the same conditional semantics (idempotent activities, optimistic versions, claims);
 * the DynamoDB implementation is proven against DynamoDB Local in the integration tests.
 */
export class InMemoryContactRepository implements ContactRepository {
  readonly contacts = new Map<string, Mutable<Contact>>();
  readonly activities = new Map<string, Activity[]>();
  readonly transitions: StageTransition[] = [];
  /** The re-score schedule (the RescoreDue index in DynamoDB). */
  readonly rescoreDueAt = new Map<string, string>();
  /** Activity ids whose "Contact Activity Recorded" is not yet known to be put (the outbox). */
  readonly unannounced = new Set<string>();
  /** Contacts erased on request, and when: what the suppression erasure keeps says in DynamoDB. */
  readonly erasures = new Map<string, string>();

  async recordActivity(record: ActivityRecord): Promise<'recorded' | 'duplicate'> {
    const history = this.activities.get(record.contactId) ?? [];
    if (history.some((activity) => activity.activityId === record.activity.activityId)) return 'duplicate';
    this.activities.set(record.contactId, [...history, record.activity]);
    this.unannounced.add(record.activity.activityId);
    const existing = this.contacts.get(record.contactId);
    const defined = <T extends object>(value: T) =>
      Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
    const at = record.activity.recordedAt;
    this.contacts.set(record.contactId, {
      contactId: record.contactId,
      stage: 'lead',
      createdAt: at,
      ...existing,
      ...defined(record.profile),
      email: record.profile.email,
      answers: { ...existing?.answers, ...defined(record.answers) },
      answerReadings: readingsAfter(existing?.answerReadings, defined(record.answers), record.answerReadings),
      consent: record.consent ?? existing?.consent,
      firstTouch: existing?.firstTouch ?? record.touch,
      lastTouch: record.touch ?? existing?.lastTouch,
      updatedAt: at,
      version: (existing?.version ?? 0) + 1,
    });
    return 'recorded';
  }

  async markActivityAnnounced(activity: Pick<Activity, 'activityId'>): Promise<void> {
    this.unannounced.delete(activity.activityId);
  }

  async erasedAt(contactId: string) {
    return this.erasures.get(contactId);
  }

  async load(contactId: string) {
    const contact = this.contacts.get(contactId);
    if (!contact) return undefined;
    const activities = [...(this.activities.get(contactId) ?? [])].sort((a, b) =>
      a.occurredAt.localeCompare(b.occurredAt),
    );
    return { contact: structuredClone(contact), activities };
  }

  async saveScore(
    contactId: string,
    expectedVersion: number,
    update: ScoreUpdate,
  ): Promise<'saved' | 'conflict'> {
    const contact = this.contacts.get(contactId);
    if (!contact || contact.version !== expectedVersion) return 'conflict';
    Object.assign(contact, {
      score: update.score,
      stage: update.stage,
      interest: update.interest ?? contact.interest,
      qualification: update.qualification ?? contact.qualification,
      review: update.stage === 'review' ? (update.review ?? contact.review) : undefined,
      recycledAt: update.recycledAt ?? contact.recycledAt,
      answers: { ...contact.answers, ...update.answers },
      answerReadings: readingsAfter(contact.answerReadings, update.answers ?? {}, undefined),
      version: contact.version + 1,
    });
    if (update.rescoreDueAt) this.rescoreDueAt.set(contactId, update.rescoreDueAt);
    else this.rescoreDueAt.delete(contactId);
    if (update.transition) this.transitions.push(update.transition);
    return 'saved';
  }

  async markAnnounceFailed(
    contactId: string,
    announcement: Announcement,
    failed: FailedAnnouncement,
  ): Promise<void> {
    const contact = this.contacts.get(contactId);
    const progress = {
      announceAttempts: failed.attempts,
      lastAnnounceFailure: failed.failure,
      ...(failed.deadLetteredAt ? { deadLetteredAt: failed.deadLetteredAt } : {}),
    };
    const { qualification, review } = contact ?? {};
    if (!contact) return;
    if (
      announcement.kind === 'qualification' &&
      qualification?.qualificationId === announcement.id &&
      !qualification.announcedAt
    ) {
      contact.qualification = { ...qualification, ...progress };
    } else if (
      announcement.kind === 'review' &&
      review?.reviewRequestId === announcement.id &&
      !review.announcedAt
    ) {
      contact.review = { ...review, ...progress };
    } else return;
    this.rescoreDueAt.set(contactId, failed.retryAt);
  }

  async markAnnounced(contactId: string, announcement: Announcement, at: string): Promise<void> {
    const contact = this.contacts.get(contactId);
    if (
      announcement.kind === 'qualification' &&
      contact?.qualification?.qualificationId === announcement.id
    ) {
      contact.qualification = { ...contact.qualification, announcedAt: at };
    }
    if (announcement.kind === 'review' && contact?.review?.reviewRequestId === announcement.id) {
      contact.review = { ...contact.review, announcedAt: at };
    }
  }
}
