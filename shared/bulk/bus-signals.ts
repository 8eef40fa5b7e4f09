import { bulkJobFinished } from '#events/bulk-job-finished.ts';
import { bulkJobPieceReady } from '#events/bulk-job-piece-ready.ts';
import { type EventPublisher, outgoing } from '#shared/activity/event-publisher.ts';
import type { JobSignals } from './job-runtime.ts';

/**
 * Pieces handed on and summaries told on the bus: each piece is then its own invocation of the bulk
 * worker (Lambda's parallelism, retried and dead-lettered like every event target), in AWS and in
 * the local runtime alike.
 */
export function busJobSignals(events: EventPublisher): JobSignals {
  return {
    handOn: (pieces) =>
      events.publish(pieces.map((piece) => outgoing(bulkJobPieceReady, { version: 1, ...piece }))),
    finished: (job, counts) =>
      events.publish([
        outgoing(bulkJobFinished, {
          version: 1,
          jobId: job.jobId,
          kind: job.kind,
          status: job.status === 'cancelled' ? 'cancelled' : 'done',
          createdAt: job.createdAt,
          finishedAt: job.finishedAt ?? job.createdAt,
          done: job.done,
          failed: job.failed,
          counts: { ...counts },
        }),
      ]),
  };
}
