import type { BulkJob } from './bulk-job.ts';
import type { Partial } from './job-kind.ts';
import { bulkDepsOf, type JobRuntime, kindOf, partialOf } from './job-runtime.ts';

/**
 * Finishes a job whose segments have all stopped: adds up the segments' totals into the kind's
 * result, tells the summary ("Bulk Job Finished"), then marks the job finished. The summary goes
 * first, so a crash between the two tells it again on the next sweep (its consumers de-duplicate on
 * the job id) rather than never.
 */
export async function finishJob(job: BulkJob, runtime: JobRuntime): Promise<'finished' | 'already-finished'> {
  const kind = kindOf(runtime, job.kind);
  const segments = await runtime.store.segments(job.jobId);
  const total = segments.reduce<Partial>(
    (sum, segment) => kind.merge(sum, partialOf(segment, kind)),
    kind.empty(),
  );
  const at = runtime.clock().toISOString();
  const status = job.status === 'cancelled' ? 'cancelled' : 'done';
  const done = segments.reduce((sum, segment) => sum + segment.done, 0);
  const failed = segments.reduce((sum, segment) => sum + segment.failed, 0);
  const finishedJob: BulkJob = { ...job, status, finishedAt: at, done, failed };
  await runtime.signals.finished(finishedJob, kind.counts(total));
  return runtime.store.finish(job.jobId, {
    status,
    at,
    result: kind.result(
      total,
      kind.parseInput(job.input, new Date(job.createdAt)),
      await bulkDepsOf(runtime),
    ),
  });
}
