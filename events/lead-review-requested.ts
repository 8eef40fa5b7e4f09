import * as z from 'zod/mini';
import { handOffShape } from './contact-parts.ts';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

/**
 * Put when a lead enters review: a person in sales should accept, reject or disqualify it
 * (`POST /admin/reviews/{contactId}`). `reviewRequestId` is the idempotency key; a lead that comes
 * back to review after a rejection gets a new one.
 */
export const leadReviewRequested = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Lead Review Requested',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    reviewRequestId: z.string().check(z.minLength(1)),
    requestedAt: z.iso.datetime(),
    reason: z.string().check(z.minLength(1)),
    ...handOffShape,
  }),
});
