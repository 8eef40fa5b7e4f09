/**
 * A bulk job: one task over many items (every contact, every contact due for a re-score), split into
 * segments that run side by side, each as a chain of pieces. A piece is one invocation: it reads on
 * from its segment's checkpoint, processes what it can before its deadline, commits its progress and
 * hands the continuation on. The job item holds the whole job's progress.
 */
export const JOB_STATUSES = ['running', 'done', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface BulkJob {
  readonly jobId: string;
  readonly kind: string;
  /** The kind's input as validated when the job was created (a candidate model, a due time). */
  readonly input: Readonly<Record<string, unknown>>;
  readonly status: JobStatus;
  /** Segments the job fans out into: at most the configured limit, so it is its concurrency bound. */
  readonly segments: number;
  readonly segmentsDone: number;
  readonly createdAt: string;
  /** Who or what started it: `console:<admin>`, `cli`, `schedule`. */
  readonly createdBy: string;
  readonly finishedAt?: string;
  /** Items processed, those that failed among them. */
  readonly done: number;
  readonly failed: number;
  /** How many items the job will see, as the table estimates it when the job starts; exact once done. */
  readonly estimate?: number;
  /** What the kind made of all segments, once finished (a simulation's report, a re-score's counts). */
  readonly result?: Readonly<Record<string, unknown>>;
}

export interface SegmentState {
  readonly jobId: string;
  readonly segment: number;
  /** The piece to run next; a piece event with another number is stale and ignored. */
  readonly piece: number;
  /** Where the next piece reads on from; absent before the first piece. */
  readonly cursor?: string;
  readonly finished: boolean;
  readonly done: number;
  readonly failed: number;
  /** The kind's running total for this segment (counts, a simulation tally). */
  readonly partial: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

/** A new job's segments: each expects its first piece and has read nothing yet. */
export function firstSegmentStates(job: BulkJob): SegmentState[] {
  return Array.from({ length: job.segments }, (_, segment) => ({
    jobId: job.jobId,
    segment,
    piece: 0,
    finished: false,
    done: 0,
    failed: 0,
    partial: {},
    updatedAt: job.createdAt,
  }));
}

/** One item that failed, with the reason, kept with the job so an operator can look and retry. */
export interface ItemFailure {
  readonly item: string;
  readonly reason: string;
  readonly at: string;
}

export interface JobProgress {
  readonly processed: number;
  /** From 0 to 1; undefined while the total is unknown. */
  readonly fraction?: number;
  /** Items per second since the job started. */
  readonly ratePerSecond: number;
  /** Seconds to go at the current rate; undefined when unknown or finished. */
  readonly etaSeconds?: number;
}

/** A job's progress at `now`: pure, so the API, the CLI and the console show the same numbers. */
export function progressOf(job: BulkJob, now: Date): JobProgress {
  const processed = job.done;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now.getTime();
  const seconds = Math.max(0.001, (end - Date.parse(job.createdAt)) / 1000);
  const ratePerSecond = Math.round((processed / seconds) * 10) / 10;
  const total = job.status === 'running' ? job.estimate : processed;
  if (total === undefined) return { processed, ratePerSecond };
  // An estimate can be below what was already seen (the table grew): the job is then nearly done.
  const fraction = total === 0 ? 1 : Math.min(1, processed / Math.max(total, processed));
  if (job.status !== 'running') return { processed, fraction, ratePerSecond };
  const left = Math.max(0, total - processed);
  const etaSeconds = ratePerSecond > 0 ? Math.ceil(left / ratePerSecond) : undefined;
  return { processed, fraction, ratePerSecond, ...(etaSeconds === undefined ? {} : { etaSeconds }) };
}

/** A job id that sorts by creation time, so the newest jobs are one Query away. */
export function newJobId(now: Date, random: string): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `job_${stamp}_${random}`;
}

export const JOB_ID_PATTERN = /^job_\d{8}T\d{6}Z_[0-9a-f]{8}$/;
