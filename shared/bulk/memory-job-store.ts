import { type BulkJob, firstSegmentStates, type ItemFailure, type SegmentState } from './bulk-job.ts';
import type { JobStore, PieceCommit } from './job-store.ts';

/**
 * Jobs in this process's memory, with the DynamoDB store's conditions (a commit only for the piece
 * the segment expects): for a command that runs a job on its own and keeps no record of it
 * (`npm run model -- simulate`), and for tests.
 */
export class MemoryJobStore implements JobStore {
  readonly jobs = new Map<string, BulkJob>();
  readonly segmentStates = new Map<string, SegmentState>();
  readonly failureRecords = new Map<string, ItemFailure>();

  async create(job: BulkJob) {
    this.jobs.set(job.jobId, job);
    for (const state of firstSegmentStates(job))
      this.segmentStates.set(`${job.jobId}/${state.segment}`, state);
  }
  async get(jobId: string) {
    return this.jobs.get(jobId);
  }
  async list(limit: number) {
    return [...this.jobs.values()].sort((a, b) => b.jobId.localeCompare(a.jobId)).slice(0, limit);
  }
  async segments(jobId: string) {
    return [...this.segmentStates.values()].filter((segment) => segment.jobId === jobId);
  }
  async segment(jobId: string, segment: number) {
    return this.segmentStates.get(`${jobId}/${segment}`);
  }
  async commitPiece(commit: PieceCommit): Promise<'committed' | 'stale'> {
    const key = `${commit.jobId}/${commit.segment}`;
    const segment = this.segmentStates.get(key);
    const job = this.jobs.get(commit.jobId);
    if (!segment || !job || segment.piece !== commit.piece || segment.finished) return 'stale';
    const { cursor: _cursor, ...rest } = segment;
    this.segmentStates.set(key, {
      ...rest,
      piece: commit.piece + 1,
      ...(commit.cursor === undefined ? {} : { cursor: commit.cursor }),
      finished: commit.finished,
      done: segment.done + commit.done,
      failed: segment.failed + commit.failed,
      partial: commit.partial,
      updatedAt: commit.at,
    });
    this.jobs.set(commit.jobId, {
      ...job,
      done: job.done + commit.done,
      failed: job.failed + commit.failed,
      segmentsDone: job.segmentsDone + (commit.finished ? 1 : 0),
    });
    return 'committed';
  }
  async recordFailures(jobId: string, failures: readonly ItemFailure[]) {
    for (const failure of failures) this.failureRecords.set(`${jobId}/${failure.item}`, failure);
  }
  async failures(jobId: string, limit: number) {
    return [...this.failureRecords]
      .filter(([key]) => key.startsWith(`${jobId}/`))
      .map(([, failure]) => failure)
      .slice(0, limit);
  }
  async cancel(jobId: string): Promise<'cancelled' | 'not-running'> {
    const job = this.jobs.get(jobId);
    if (job?.status !== 'running') return 'not-running';
    this.jobs.set(jobId, { ...job, status: 'cancelled' });
    return 'cancelled';
  }
  async finish(
    jobId: string,
    outcome: { status: 'done' | 'cancelled'; at: string; result: Readonly<Record<string, unknown>> },
  ): Promise<'finished' | 'already-finished'> {
    const job = this.jobs.get(jobId);
    if (!job || job.finishedAt) return 'already-finished';
    this.jobs.set(jobId, { ...job, status: outcome.status, finishedAt: outcome.at, result: outcome.result });
    return 'finished';
  }
  async touchSegment(jobId: string, segment: number, piece: number, at: string) {
    const state = this.segmentStates.get(`${jobId}/${segment}`);
    if (state?.piece === piece) this.segmentStates.set(`${jobId}/${segment}`, { ...state, updatedAt: at });
  }
}
