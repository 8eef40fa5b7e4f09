import type { NurtureState } from '#shared/nurture/nurture-state.ts';
import { emptyNurtureState } from '#shared/nurture/nurture-state.ts';
import type {
  DuePage,
  EmailOutcome,
  EmailRecord,
  EmailRef,
  NurtureStore,
} from '#shared/nurture/nurture-store.ts';
import { outcomesWeakerThan } from '#shared/nurture/nurture-store.ts';

type StoredEmail = EmailRecord & Record<string, unknown>;

/**
 * A fake behind the project's own NurtureStore interface, with the same version checks and due-index
 * semantics; the DynamoDB implementation is proven against DynamoDB Local in the integration tests.
 */
export class InMemoryNurtureStore implements NurtureStore {
  readonly states = new Map<string, NurtureState>();
  readonly emails = new Map<string, StoredEmail[]>();
  /** Every state write that succeeded, in order: what a test counts to hold the write units down. */
  readonly writes: NurtureState[] = [];

  async load(contactId: string): Promise<NurtureState> {
    return structuredClone(this.states.get(contactId) ?? emptyNurtureState(contactId));
  }

  async save(state: NurtureState, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const stored = this.states.get(state.contactId)?.version ?? 0;
    if (stored !== expectedVersion) return 'conflict';
    this.states.set(state.contactId, structuredClone({ ...state, version: expectedVersion + 1 }));
    this.writes.push(structuredClone({ ...state, version: expectedVersion + 1 }));
    return 'saved';
  }

  async due(now: Date, limit: number, next?: string): Promise<DuePage> {
    const due = [...this.states.values()]
      .filter((state) => state.dueAt !== undefined && state.dueAt <= now.toISOString())
      .sort((a, b) => String(a.dueAt).localeCompare(String(b.dueAt)));
    const start = next ? Number(next) : 0;
    const page = due.slice(start, start + limit);
    return {
      contactIds: page.map((state) => state.contactId),
      next: start + limit < due.length ? String(start + limit) : undefined,
    };
  }

  async recordEmail(contactId: string, email: EmailRecord): Promise<void> {
    this.emails.set(contactId, [...(this.emails.get(contactId) ?? []), { ...email }]);
  }

  async noteEmailEvent(ref: EmailRef, outcome: Exclude<EmailOutcome, 'sent'>, at: string): Promise<void> {
    const email = this.emails
      .get(ref.contactId)
      ?.find((candidate) => candidate.messageId === ref.messageId && candidate.sentAt === ref.sentAt);
    if (!email) return;
    email[`${outcome}At`] ??= at;
    if (outcomesWeakerThan(outcome).includes(email.outcome)) Object.assign(email, { outcome });
  }

  emailsOf(contactId: string): StoredEmail[] {
    return this.emails.get(contactId) ?? [];
  }
}
