import { finishJob } from './finish-job.ts';
import type { JobRuntime, PieceRef } from './job-runtime.ts';

/** A segment whose checkpoint is older than this has lost its piece (a failed hand-on, a dead letter). */
export const STALLED_AFTER_MS = 10 * 60_000;
/** A cancelled job is summed up once no piece has committed for this long: its last pieces stopped. */
export const QUIET_AFTER_MS = 5 * 60_000;
/** Jobs the sweep looks at, newest first: enough for any number running at once. */
const JOBS_SWEPT = 100;

export interface SweepOutcome {
  readonly resumed: number;
  readonly finished: number;
}

/**
 * The scheduled safety net that keeps every job moving: a segment that has not checkpointed for
 * a while gets its expected piece handed on again (a duplicate of a live piece is ignored at its
 * commit), and a job whose segments have all stopped (the last piece died before finishing the
 * job, or a cancel) is finished and summed up.
 */
export async function sweepJobs(runtime: JobRuntime): Promise<SweepOutcome> {
  const now = runtime.clock();
  let resumed = 0;
  let finished = 0;
  for (const job of await runtime.store.list(JOBS_SWEPT)) {
    if (job.finishedAt) continue;
    const segments = await runtime.store.segments(job.jobId);
    const lastMove = Math.max(...segments.map((segment) => Date.parse(segment.updatedAt)));
    if (job.status === 'cancelled') {
      if (now.getTime() - lastMove >= QUIET_AFTER_MS && (await finishJob(job, runtime)) === 'finished')
        finished += 1;
      continue;
    }
    if (segments.every((segment) => segment.finished)) {
      if ((await finishJob(job, runtime)) === 'finished') finished += 1;
      continue;
    }
    const stalled: PieceRef[] = segments
      .filter(
        (segment) => !segment.finished && now.getTime() - Date.parse(segment.updatedAt) >= STALLED_AFTER_MS,
      )
      .map((segment) => ({ jobId: job.jobId, segment: segment.segment, piece: segment.piece }));
    for (const piece of stalled)
      await runtime.store.touchSegment(job.jobId, piece.segment, piece.piece, now.toISOString());
    if (stalled.length > 0) await runtime.signals.handOn(stalled);
    resumed += stalled.length;
  }
  return { resumed, finished };
}
