import * as z from 'zod/mini';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

/**
 * Put when one piece of a bulk job is ready to run: a segment's first piece when the job starts,
 * each next piece by the piece before it (a continuation handed on before its invocation's
 * deadline), and a stalled one again by the bulk worker's sweep. `piece` is the segment's piece
 * number: a redelivered or repeated event for a piece already committed is ignored.
 */
export const bulkJobPieceReady = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Bulk Job Piece Ready',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    jobId: z.string().check(z.minLength(1), z.maxLength(100)),
    segment: z.number().check(z.int(), z.minimum(0), z.maximum(999)),
    piece: z.number().check(z.int(), z.minimum(0)),
  }),
});
