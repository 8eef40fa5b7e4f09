import type { ItemFailure } from './bulk-job.ts';
import { finishJob } from './finish-job.ts';
import type { AnyJobKind, Partial } from './job-kind.ts';
import { bulkDepsOf, type JobRuntime, kindOf, type PieceRef, partialOf } from './job-runtime.ts';

/** Stop reading new pages with less than this left: the last page and the commit must fit. */
export const PIECE_SAFETY_MARGIN_MS = 20_000;
/** Failures kept per piece with their reasons; all of them are counted. */
const FAILURES_KEPT_PER_PIECE = 25;
const REASON_LENGTH = 300;
/** Pages between two looks at the job's status, so a cancel stops a long piece early. */
const PAGES_BETWEEN_STATUS_CHECKS = 5;

export type PieceOutcome =
  | { readonly outcome: 'stale' | 'unknown-job' | 'not-running' }
  | {
      readonly outcome: 'committed';
      readonly kind: string;
      readonly done: number;
      readonly failed: number;
      readonly finished: boolean;
    };

/**
 * Runs one piece of a job's segment:
 * 1. ignores a piece the segment does not expect (a redelivery of one already committed) and any
 *    piece of a job that is no longer running (cancelled);
 * 2. reads pages from the segment's checkpoint and processes their items side by side, until the
 *    segment is exhausted, the piece has read its pages, or the deadline nears (`timeLeftMs`);
 * 3. keeps the failures with their reasons, then commits the new checkpoint with the counts and the
 *    running total in one conditional write, so a piece that ran twice counts once;
 * 4. hands the next piece on, or finishes the job when this was its last segment.
 */
export async function runPiece(
  ref: PieceRef,
  runtime: JobRuntime,
  timeLeftMs: () => number,
): Promise<PieceOutcome> {
  const job = await runtime.store.get(ref.jobId);
  if (!job) return { outcome: 'unknown-job' };
  if (job.status !== 'running') return { outcome: 'not-running' };
  const segment = await runtime.store.segment(ref.jobId, ref.segment);
  if (!segment || segment.finished || segment.piece !== ref.piece) return { outcome: 'stale' };

  const kind = kindOf(runtime, job.kind);
  const input = kind.parseInput(job.input, new Date(job.createdAt));
  const source = runtime.sources[kind.source];
  const context = { jobId: job.jobId, input, deps: await bulkDepsOf(runtime) };
  let cursor = segment.cursor;
  let total: Partial = kind.empty();
  let done = 0;
  let failed = 0;
  let finished = false;
  const failures: ItemFailure[] = [];
  for (let page = 0; page < runtime.settings.pagesPerPiece; page += 1) {
    if (page > 0 && timeLeftMs() < PIECE_SAFETY_MARGIN_MS) break;
    if (page > 0 && page % PAGES_BETWEEN_STATUS_CHECKS === 0) {
      if ((await runtime.store.get(ref.jobId))?.status !== 'running') break;
    }
    const read = await source.page({ segment: ref.segment, segments: job.segments, cursor, input });
    const results = await processAll(read.items, kind, context, runtime.settings.itemConcurrency);
    for (const [index, result] of results.entries()) {
      const item = read.items[index];
      done += 1;
      if (result.status === 'fulfilled') {
        total = kind.merge(total, result.value);
        continue;
      }
      failed += 1;
      if (failures.length < FAILURES_KEPT_PER_PIECE) {
        failures.push({
          item: item === undefined ? `#${index}` : kind.itemKey(item),
          reason: reasonOf(result.reason),
          at: runtime.clock().toISOString(),
        });
      }
    }
    cursor = read.cursor;
    if (cursor === undefined) {
      finished = true;
      break;
    }
  }

  if (failures.length > 0) await runtime.store.recordFailures(ref.jobId, failures);
  const committed = await runtime.store.commitPiece({
    jobId: ref.jobId,
    segment: ref.segment,
    piece: ref.piece,
    cursor,
    finished,
    done,
    failed,
    partial: kind.merge(partialOf(segment, kind), total),
    at: runtime.clock().toISOString(),
  });
  if (committed === 'stale') return { outcome: 'stale' };
  if (!finished) {
    await runtime.signals.handOn([{ jobId: ref.jobId, segment: ref.segment, piece: ref.piece + 1 }]);
  } else {
    const after = await runtime.store.get(ref.jobId);
    if (after && after.status === 'running' && after.segmentsDone >= after.segments) {
      await finishJob(after, runtime);
    }
  }
  return { outcome: 'committed', kind: job.kind, done, failed, finished };
}

/** Processes items with at most `concurrency` in flight, keeping each one's outcome in order. */
async function processAll(
  items: readonly Parameters<AnyJobKind['process']>[0][],
  kind: AnyJobKind,
  context: Parameters<AnyJobKind['process']>[1],
  concurrency: number,
): Promise<PromiseSettledResult<Partial>[]> {
  const results: PromiseSettledResult<Partial>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let index = next; index < items.length; index = next) {
      const item = items[index] as (typeof items)[number];
      next += 1;
      try {
        results[index] = { status: 'fulfilled', value: await kind.process(item, context) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return text.slice(0, REASON_LENGTH);
}
