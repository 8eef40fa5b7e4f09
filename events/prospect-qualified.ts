import * as z from 'zod/mini';
import { handOffShape } from './contact-parts.ts';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

/**
 * The hand-off to sales tools: put once per qualification. `qualificationId` is the idempotency key
 * a CRM integration should de-duplicate on: if the put fails after the stage was saved, the same
 * qualification is announced again with the same key. A recycled lead that qualifies again gets a
 * new one.
 */
export const prospectQualified = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Prospect Qualified',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    qualificationId: z.string().check(z.minLength(1)),
    qualifiedAt: z.iso.datetime(),
    qualifiedBy: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('auto') }),
      z.object({ kind: z.literal('person'), id: z.string().check(z.minLength(1)) }),
    ]),
    reason: z.string().check(z.minLength(1)),
    ...handOffShape,
  }),
});
