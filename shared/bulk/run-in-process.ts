import type { BulkJob } from './bulk-job.ts';
import type { InProcessSignals } from './in-process-signals.ts';
import type { JobRuntime } from './job-runtime.ts';
import { type JobRequest, startJob } from './start-job.ts';

/**
 * Runs a whole job in this process, its segments side by side, and returns it finished: the same
 * pieces and commits as in the worker, for a command run by a person and for the benchmark.
 */
export async function runInProcess(
  request: JobRequest,
  runtime: JobRuntime & { readonly signals: InProcessSignals },
): Promise<BulkJob> {
  const started = await startJob(request, runtime);
  await runtime.signals.drain(runtime);
  const finished = await runtime.store.get(started.jobId);
  if (!finished) throw new Error(`Job ${started.jobId} vanished from its store.`);
  return finished;
}
