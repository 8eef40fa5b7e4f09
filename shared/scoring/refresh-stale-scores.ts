import type { BulkJob } from '#shared/bulk/bulk-job.ts';
import type { JobRuntime } from '#shared/bulk/job-runtime.ts';
import { startJob } from '#shared/bulk/start-job.ts';
import type { RescoreSchedule } from './rescore-schedule.ts';

export interface RefreshDeps {
  readonly schedule: RescoreSchedule;
  readonly jobs: JobRuntime;
}

export type RefreshOutcome =
  | { readonly outcome: 'nothing-due' }
  | { readonly outcome: 'draining'; readonly jobId: string }
  | {
      readonly outcome: 'started';
      readonly jobId: string;
      readonly segments: number;
      readonly estimate?: number;
    };

/** The transition author for stage changes that time alone caused. */
export const SCHEDULED_RESCORE = 'scheduled re-score';
/** The job kind that drains the re-score schedule. */
export const RESCORE_DUE_KIND = 'rescore-due';
/**
 * A drain still running after this long is stuck (a piece keeps dying): it is cancelled and a new
 * one started, which takes on whatever is still due. A healthy drain of a million takes minutes.
 */
export const STUCK_DRAIN_MS = 6 * 3_600_000;
/** Jobs looked at for a running drain: drains are hourly, so it is among the newest. */
const RECENT_JOBS = 20;

/**
 * The hourly stale-score run: starts a bulk job that re-scores every contact due by now (decay, or a
 * hand-off still to announce), fanned out over as many segments as the backlog needs, unless the
 * previous run's drain is still at work. Nothing caps the run: the whole backlog is drained.
 */
export async function refreshStaleScores(deps: RefreshDeps): Promise<RefreshOutcome> {
  const now = deps.jobs.clock();
  const running = (await deps.jobs.store.list(RECENT_JOBS)).find(
    (job: BulkJob) => job.kind === RESCORE_DUE_KIND && job.status === 'running',
  );
  if (running) {
    if (now.getTime() - Date.parse(running.createdAt) < STUCK_DRAIN_MS) {
      return { outcome: 'draining', jobId: running.jobId };
    }
    await deps.jobs.store.cancel(running.jobId, now.toISOString());
  }
  const oldest = await deps.schedule.oldestDue(now.toISOString());
  if (!oldest) return { outcome: 'nothing-due' };
  const job = await startJob(
    { kind: RESCORE_DUE_KIND, input: { dueBy: now.toISOString(), from: oldest }, createdBy: 'schedule' },
    deps.jobs,
  );
  return {
    outcome: 'started',
    jobId: job.jobId,
    segments: job.segments,
    ...(job.estimate === undefined ? {} : { estimate: job.estimate }),
  };
}
