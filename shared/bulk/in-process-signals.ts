import type { BulkJob } from './bulk-job.ts';
import type { JobRuntime, JobSignals, PieceRef } from './job-runtime.ts';
import { runPiece } from './run-piece.ts';

export interface InProcessSignals extends JobSignals {
  /** Runs every piece handed on, each segment's chain beside the others', until none is left. */
  drain(runtime: JobRuntime): Promise<void>;
  /** The summaries told, in order. */
  readonly summaries: { readonly job: BulkJob; readonly counts: Readonly<Record<string, number>> }[];
}

/**
 * Pieces run in this process instead of one invocation each: for a command run by a person
 * (`npm run model -- simulate`) and the benchmark. The pieces, checkpoints and commits are the
 * same code as the worker's; only the hand-on differs, and each piece gets `pieceMs` as if it were
 * its invocation's time.
 */
export function inProcessSignals(pieceMs = 60_000): InProcessSignals {
  const queue: PieceRef[] = [];
  const summaries: InProcessSignals['summaries'] = [];
  return {
    summaries,
    async handOn(pieces) {
      queue.push(...pieces);
    },
    async finished(job, counts) {
      summaries.push({ job, counts });
    },
    async drain(runtime) {
      const running = new Set<Promise<void>>();
      while (queue.length > 0 || running.size > 0) {
        for (let piece = queue.shift(); piece; piece = queue.shift()) {
          const deadline = Date.now() + pieceMs;
          const run: Promise<void> = runPiece(piece, runtime, () => deadline - Date.now()).then(() => {
            running.delete(run);
          });
          running.add(run);
        }
        if (running.size > 0) await Promise.race(running);
      }
    },
  };
}
