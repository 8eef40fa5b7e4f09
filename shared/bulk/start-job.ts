import { randomBytes } from 'node:crypto';
import { type BulkJob, newJobId } from './bulk-job.ts';
import { type JobRuntime, kindOf } from './job-runtime.ts';

export interface JobRequest {
  readonly kind: string;
  readonly input?: unknown;
  readonly createdBy: string;
  /** Fewer segments than the configured limit (a small job); never more. */
  readonly segments?: number;
}

/**
 * Starts a job: validates the input for its kind (InvalidJobInputError), asks the source for an
 * estimate of its items, writes the job with one segment per parallel reader (at most the
 * configured limit: the job's concurrency), then hands on every segment's first piece. Should that
 * hand-on fail, the worker's sweep finds the segments that never started and hands them on again.
 */
export async function startJob(request: JobRequest, runtime: JobRuntime): Promise<BulkJob> {
  const kind = kindOf(runtime, request.kind);
  const now = runtime.clock();
  const input = kind.parseInput(request.input ?? {}, now) as Record<string, unknown>;
  const estimate = await runtime.sources[kind.source].estimate(input);
  const wanted = request.segments ?? kind.segmentsFor?.(estimate) ?? runtime.settings.maxSegments;
  const segments = Math.max(1, Math.min(wanted, runtime.settings.maxSegments));
  const job: BulkJob = {
    jobId: newJobId(now, randomBytes(4).toString('hex')),
    kind: kind.name,
    input,
    status: 'running',
    segments,
    segmentsDone: 0,
    createdAt: now.toISOString(),
    createdBy: request.createdBy,
    done: 0,
    failed: 0,
    ...(estimate === undefined ? {} : { estimate }),
  };
  await runtime.store.create(job);
  await runtime.signals.handOn(
    Array.from({ length: segments }, (_, segment) => ({ jobId: job.jobId, segment, piece: 0 })),
  );
  return job;
}
