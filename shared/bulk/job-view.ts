import { type BulkJob, type ItemFailure, type JobProgress, progressOf } from './bulk-job.ts';
import { JOB_KINDS } from './job-kinds.ts';

/** A job as the API, the CLI and the console show it: its progress, never its input (a model can be large). */
export interface JobView extends Omit<BulkJob, 'input'> {
  readonly progress: JobProgress;
  readonly failures?: readonly ItemFailure[];
}

export function jobView(job: BulkJob, now: Date, failures?: readonly ItemFailure[]): JobView {
  const { input: _input, result, ...shown } = job;
  return {
    ...shown,
    ...(result ? { result: inDeclaredOrder(job.kind, result) } : {}),
    progress: progressOf(job, now),
    ...(failures ? { failures } : {}),
  };
}

/**
 * The result's entries in the order its kind declares its counts. The job item keeps them in a
 * DynamoDB map, which has no order, so without this the order read back changes from job to job.
 */
function inDeclaredOrder(kind: string, result: Readonly<Record<string, unknown>>) {
  const declared = Object.keys(JOB_KINDS[kind]?.empty() ?? {});
  const rank = (name: string) => (declared.includes(name) ? declared.indexOf(name) : declared.length);
  const names = Object.keys(result).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(names.map((name) => [name, result[name]]));
}
