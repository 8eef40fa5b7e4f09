import { type BulkJob, type ItemFailure, type JobProgress, progressOf } from './bulk-job.ts';

/** A job as the API, the CLI and the console show it: its progress, never its input (a model can be large). */
export interface JobView extends Omit<BulkJob, 'input'> {
  readonly progress: JobProgress;
  readonly failures?: readonly ItemFailure[];
}

export function jobView(job: BulkJob, now: Date, failures?: readonly ItemFailure[]): JobView {
  const { input: _input, ...shown } = job;
  return { ...shown, progress: progressOf(job, now), ...(failures ? { failures } : {}) };
}
