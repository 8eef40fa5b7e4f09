import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import type { NurtureState } from './nurture-state.ts';

/** What SES told us about an email, strongest last: a click implies an open implies a delivery. */
export const EMAIL_OUTCOMES = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'soft-bounced',
  'bounced',
  'complained',
] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];

/** The outcomes a new one replaces: SES events may arrive out of order, and a weaker one never wins. */
export function outcomesWeakerThan(outcome: EmailOutcome): readonly EmailOutcome[] {
  return EMAIL_OUTCOMES.slice(0, EMAIL_OUTCOMES.indexOf(outcome));
}

/** One email as recorded on the contact (an `EMAIL#` item), updated as SES feedback arrives. */
export interface EmailRecord {
  readonly messageId: string;
  readonly template: string;
  readonly kind: 'nurture' | 'confirmation';
  readonly track?: string;
  readonly step?: number;
  readonly locale: string;
  /** The `version` of the nurture configuration that sent it (absent on emails sent before it was kept). */
  readonly configVersion?: string;
  readonly sentAt: string;
  readonly outcome: EmailOutcome;
}

/** Identifies a recorded email from what SES echoes back in its events (our message tags). */
export interface EmailRef {
  readonly contactId: string;
  readonly sentAt: string;
  readonly messageId: string;
}

export interface DuePage {
  readonly contactIds: readonly string[];
  /** Opaque; pass back to read the next page. */
  readonly next?: string;
}

/**
 * Nurture's own storage: the per-contact state, the due-step index and the email history. Every state
 * write is conditional on the version read, so concurrent writers retry instead of losing an update.
 */
export interface NurtureStore {
  /** The stored state, or an empty one (version 0) for a contact never mailed. Strongly consistent. */
  load(contactId: string): Promise<NurtureState>;
  /** `conflict` when the stored version is not `expectedVersion`; nothing is written then. */
  save(state: NurtureState, expectedVersion: number): Promise<'saved' | 'conflict'>;
  /** Contacts with something due at or before `now`, oldest first, through the sparse index. */
  due(now: Date, limit: number, next?: string): Promise<DuePage>;
  recordEmail(contactId: string, email: EmailRecord): Promise<void>;
  /**
   * Notes an SES event on a recorded email: the time of each kind of event, and the outcome when the
   * new one is stronger (SES may deliver events out of order). Unknown emails are ignored.
   */
  noteEmailEvent(ref: EmailRef, outcome: Exclude<EmailOutcome, 'sent'>, at: string): Promise<void>;
}

const MAX_CONFLICT_RETRIES = 10;

/**
 * Reads, changes and writes a state until the write wins the version race. `change` returns the
 * new state, or undefined to write nothing.
 */
export async function updateNurtureState(
  store: NurtureStore,
  contactId: string,
  change: (state: NurtureState) => NurtureState | undefined,
): Promise<{ before: NurtureState; after: NurtureState } | undefined> {
  return retryOnConflict(
    async () => {
      const before = await store.load(contactId);
      const after = change(before);
      if (!after) return undefined;
      if ((await store.save(after, before.version)) === 'conflict') return 'conflict';
      return { before, after: { ...after, version: before.version + 1 } };
    },
    {
      maxAttempts: MAX_CONFLICT_RETRIES,
      exhausted: () =>
        new Error(`Contact ${contactId}'s nurture state kept changing; the request will be retried.`),
    },
  );
}
