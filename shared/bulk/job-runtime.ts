import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { BulkJob, SegmentState } from './bulk-job.ts';
import type { AnyJobKind, BulkDeps, Partial } from './job-kind.ts';
import type { BulkSettings } from './job-settings.ts';
import type { JobSources } from './job-source.ts';
import type { JobStore } from './job-store.ts';

/** Names one piece: the segment and its piece number. */
export interface PieceRef {
  readonly jobId: string;
  readonly segment: number;
  readonly piece: number;
}

/**
 * How pieces are handed on and summaries told: on the bus in AWS and in the local runtime alike
 * ("Bulk Job Piece Ready", "Bulk Job Finished"); a benchmark or the CLI may run them in-process.
 */
export interface JobSignals {
  handOn(pieces: readonly PieceRef[]): Promise<void>;
  finished(job: BulkJob, counts: Readonly<Record<string, number>>): Promise<void>;
}

/** Everything the job use cases need; the worker and the API build it once per container. */
export interface JobRuntime {
  readonly store: JobStore;
  readonly sources: JobSources;
  readonly kinds: Readonly<Record<string, AnyJobKind>>;
  /** The kinds' ports; the model in force is read (from the short cache) for each piece and each result. */
  readonly bulk: ReadPerInvocation<BulkDeps, 'model'>;
  readonly signals: JobSignals;
  readonly settings: BulkSettings;
  readonly clock: Clock;
}

/** Thrown for a job whose kind this deployment does not know (a job from a newer version). */
export class UnknownJobKindError extends Error {
  override name = 'UnknownJobKindError';
}

export function kindOf(runtime: Pick<JobRuntime, 'kinds'>, kind: string): AnyJobKind {
  const found = runtime.kinds[kind];
  if (!found) throw new UnknownJobKindError(`No bulk job kind is named "${kind}".`);
  return found;
}

/** A segment's running total; one whose first piece has not committed yet holds the kind's zero. */
export function partialOf(segment: SegmentState, kind: AnyJobKind): Partial {
  return segment.piece === 0 ? kind.empty() : segment.partial;
}

/** The kinds' ports with the model in force now, so a published model reaches re-scores within a minute. */
export async function bulkDepsOf(runtime: Pick<JobRuntime, 'bulk'>): Promise<BulkDeps> {
  return { ...runtime.bulk, model: (await runtime.bulk.model()).document };
}
