import type { EventPublisher } from '#shared/activity/event-publisher.ts';
import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { FunnelStore } from '#shared/funnel/funnel-store.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';
import type { JobSourceItems, SourceName } from './job-source.ts';

/** What a segment's running total is: any JSON object the kind merges. */
export type Partial = Readonly<Record<string, unknown>>;

/** The ports a kind may use to process an item; the worker builds them once per container. */
export interface BulkDeps {
  readonly contacts: ContactRepository;
  readonly events: EventPublisher;
  readonly clock: Clock;
  /** The published model: what a re-score scores with. */
  readonly model: ScoringModel;
  readonly funnel: FunnelStore;
  readonly listIndexes: ContactListBackfill;
}

/** Writes the contact-list attributes a contact stored before they existed lacks. */
export interface ContactListBackfill {
  /** `written` when something was missing and is now there; `current` when nothing was. */
  backfill(contactId: string): Promise<'written' | 'current'>;
}

export interface ItemContext<Input> {
  readonly jobId: string;
  readonly input: Input;
  readonly deps: BulkDeps;
}

/** Thrown by `parseInput`: the sentence says what is wrong, and the API answers it with a 400. */
export class InvalidJobInputError extends Error {
  override name = 'InvalidJobInputError';
}

/**
 * A kind of bulk job: what it reads, what it does with one item, and how its running totals add up.
 * Adding a kind is one file that exports such an object and one line in job-kinds.ts (see
 * docs/bulk-jobs.md). `process` must be safe to repeat on the same item (a redelivered piece does):
 * the effect on stored data is then the same as once, and only a committed piece counts.
 */
export interface JobKind<Source extends SourceName, Input, Total extends Partial> {
  readonly name: string;
  readonly source: Source;
  /** One line for the console and the CLI. */
  readonly description: string;
  /** How many segments a job of this many items needs; absent: the configured limit. */
  segmentsFor?(estimate: number | undefined): number;
  /**
   * Validates the input given to create a job; throws InvalidJobInputError with a sentence. `now`
   * is when the job starts: a kind that works "as of" an instant fixes it in its input then.
   */
  parseInput(input: unknown, now: Date): Input;
  /** Names an item in its failure record: a contact id, never an address. */
  itemKey(item: JobSourceItems[Source]): string;
  empty(): Total;
  /** Processes one item and returns what it adds to the running total. */
  process(item: JobSourceItems[Source], context: ItemContext<Input>): Promise<Total>;
  /** Adds two totals (associative): within a piece, then across segments when the job finishes. */
  merge(a: Total, b: Total): Total;
  /** The job's result from the sum of its segments' totals. */
  result(total: Total, input: Input, deps: BulkDeps): Readonly<Record<string, unknown>>;
  /** The counts the job's summary event carries. */
  counts(total: Total): Readonly<Record<string, number>>;
}

/** A kind of any source and input, as the registry and the worker hold it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of different item types.
export type AnyJobKind = JobKind<SourceName, any, any>;

/** Sums the numeric fields of two count totals (the common case of `merge`). */
export function addCounts<T extends Readonly<Record<string, number>>>(a: T, b: T): T {
  const sum: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + value;
  return sum as T;
}
