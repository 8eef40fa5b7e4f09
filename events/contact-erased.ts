import * as z from 'zod/mini';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

/**
 * Put when a contact's data was erased on request (GDPR article 17). Downstream tools (CRMs,
 * warehouses) that copied the contact should erase their copy too. The detail carries the contact id
 * only, never the address: the event itself must not keep what was erased. Put again, with the same
 * `erasedAt`, when an erasure is requested again, so a lost put is recovered by retrying the request.
 */
export const contactErased = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Contact Erased',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    contactId: z.string().check(z.minLength(1)),
    erasedAt: z.iso.datetime(),
  }),
});
