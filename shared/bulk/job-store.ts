import type { BulkJob, ItemFailure, SegmentState } from './bulk-job.ts';

/** What one piece adds to its segment and to the job, written at once or not at all. */
export interface PieceCommit {
  readonly jobId: string;
  readonly segment: number;
  /** The piece that ran: the commit succeeds only while the segment still expects it. */
  readonly piece: number;
  readonly cursor?: string;
  readonly finished: boolean;
  readonly done: number;
  readonly failed: number;
  readonly partial: Readonly<Record<string, unknown>>;
  readonly at: string;
}

/** Where jobs, their segments and their failures are kept. */
export interface JobStore {
  /** Writes the job and its segments, each expecting piece 0. */
  create(job: BulkJob): Promise<void>;
  get(jobId: string): Promise<BulkJob | undefined>;
  /** The newest jobs first. */
  list(limit: number): Promise<BulkJob[]>;
  segments(jobId: string): Promise<SegmentState[]>;
  segment(jobId: string, segment: number): Promise<SegmentState | undefined>;
  /** `stale` when the segment moved past this piece (a redelivery ran it already): nothing is written. */
  commitPiece(commit: PieceCommit): Promise<'committed' | 'stale'>;
  /** Keeps the failures of a piece, each under its item (writing one twice keeps one). */
  recordFailures(jobId: string, failures: readonly ItemFailure[]): Promise<void>;
  failures(jobId: string, limit: number): Promise<ItemFailure[]>;
  /** Marks a running job cancelled; `not-running` when it had finished already. */
  cancel(jobId: string, at: string): Promise<'cancelled' | 'not-running'>;
  /**
   * Marks a job finished with its result (`done`, or a cancelled job once its last pieces stopped);
   * `already-finished` when another invocation did it first.
   */
  finish(
    jobId: string,
    outcome: { status: 'done' | 'cancelled'; at: string; result: Readonly<Record<string, unknown>> },
  ): Promise<'finished' | 'already-finished'>;
  /** Notes that a piece was handed on again (by the sweep), so a sweep does not repeat it at once. */
  touchSegment(jobId: string, segment: number, piece: number, at: string): Promise<void>;
}
