import * as z from 'zod/mini';
import { defineEvent } from './contract.ts';
import { ENGAGEMENT_SOURCE, signalId, signalTime } from './engagement-source.ts';
import { safeText } from './vocabulary/safe-text.ts';

/**
 * A deal was won in the CRM (a HubSpot deal moved to closed-won, a Salesforce opportunity closed
 * won): put by the CRM integration. The contact becomes a customer; `dealId` names the deal in the
 * recorded transition, and a redelivery finds the contact a customer already and changes nothing.
 */
export const dealWon = defineEvent({
  source: ENGAGEMENT_SOURCE,
  detailType: 'Deal Won',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    crm: safeText(50).check(z.minLength(1)),
    dealId: signalId,
    wonAt: signalTime,
    dealName: z.optional(safeText(300)),
    contact: z.object({ email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)) }),
  }),
});
