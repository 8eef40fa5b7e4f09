import * as z from 'zod/mini';
import { defineEvent } from './contract.ts';
import { ENGAGEMENT_SOURCE, signalId, signalPersonSchema, signalTime } from './engagement-source.ts';
import { multilineText, safeText } from './vocabulary/safe-text.ts';

/**
 * A salesperson logged an interaction in the CRM (a HubSpot engagement, a Salesforce task or event):
 * put by the CRM integration. `interactionId` is the idempotency key. Qualification answers the rep
 * noted (budget, authority, need, timeline) are recorded on the contact as a form's would be.
 */
export const salesInteractionLogged = defineEvent({
  source: ENGAGEMENT_SOURCE,
  detailType: 'Sales Interaction Logged',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    crm: safeText(50).check(z.minLength(1)),
    interactionId: signalId,
    type: z.enum(['call', 'email', 'meeting', 'note', 'task']),
    occurredAt: signalTime,
    contact: signalPersonSchema,
    ownerId: z.optional(safeText(200)),
    outcome: z.optional(safeText(200)),
    answers: z.optional(
      z.partial(
        z.object({
          budget: multilineText(2000),
          authority: multilineText(2000),
          need: multilineText(2000),
          timeline: multilineText(2000),
        }),
      ),
    ),
  }),
});
