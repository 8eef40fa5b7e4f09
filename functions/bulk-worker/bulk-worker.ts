import middy from '@middy/core';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { bulkJobPieceReady } from '#events/bulk-job-piece-ready.ts';
import { parseDetail } from '#events/contract.ts';
import type { JobRuntime } from '#shared/bulk/job-runtime.ts';
import { runPiece } from '#shared/bulk/run-piece.ts';
import { sweepJobs } from '#shared/bulk/sweep-jobs.ts';
import { countFailedItems } from '#shared/runtime/event-metrics.ts';
import { logger } from '#shared/runtime/logger.ts';

/**
 * The bulk worker: a "Bulk Job Piece Ready" event runs that piece until its invocation's deadline
 * nears (Lambda's remaining time), and the schedule sweeps for pieces lost on the way and for jobs
 * to finish. Several pieces run at once as separate invocations, one per segment at most.
 */
export function createBulkWorkerHandler(runtime: JobRuntime) {
  return middy<EventBridgeEvent<string, unknown>, unknown, Error, Context>().handler(
    async (event, context) => {
      if (event['detail-type'] === bulkJobPieceReady.detailType) {
        const piece = parseDetail(bulkJobPieceReady, event);
        const outcome = await runPiece(piece, runtime, () => context.getRemainingTimeInMillis());
        if (outcome.outcome === 'committed') countFailedItems(outcome.kind, outcome.failed);
        logger.info('bulk job piece', {
          jobId: piece.jobId,
          segment: piece.segment,
          piece: piece.piece,
          ...outcome,
        });
        return outcome;
      }
      const outcome = await sweepJobs(runtime);
      logger.info('bulk jobs swept', { ...outcome });
      return outcome;
    },
  );
}
