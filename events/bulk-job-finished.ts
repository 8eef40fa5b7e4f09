import * as z from 'zod/mini';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

/**
 * Put once when a bulk job has processed its last item (or stopped after a cancel). It is the one
 * summary of the job: a re-score of every contact announces its hand-offs to sales through this
 * event, one notification per job, instead of one email per contact.
 */
export const bulkJobFinished = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Bulk Job Finished',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    jobId: z.string().check(z.minLength(1), z.maxLength(100)),
    kind: z.string().check(z.minLength(1)),
    status: z.enum(['done', 'cancelled']),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    done: z.number().check(z.int(), z.minimum(0)),
    failed: z.number().check(z.int(), z.minimum(0)),
    /** What the job's kind counted, by name: `qualified`, `reviewsRequested`, `moved`… */
    counts: z.record(z.string(), z.number()),
  }),
});
