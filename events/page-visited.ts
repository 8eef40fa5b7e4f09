import * as z from 'zod';
import { safeText } from '#shared/contact/safe-text.ts';
import { defineEvent } from './contract.ts';
import { ENGAGEMENT_SOURCE, signalId, signalTime } from './engagement-source.ts';

const address = z.url({ protocol: /^https?$/ }).max(2000);

/**
 * A known contact viewed a page, shaped like an analytics `page` call (Segment's: messageId,
 * timestamp, page properties, campaign): put by leadflow's own `/track` beacon, or by an analytics
 * integration that knows the address. Only contacts already known are recorded; an unknown one is
 * dropped, never stored. `messageId` is the idempotency key.
 */
export const pageVisited = defineEvent({
  source: ENGAGEMENT_SOURCE,
  detailType: 'Page Visited',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    messageId: signalId,
    timestamp: signalTime,
    /** `beacon` for leadflow's own, or the analytics tool's name. */
    source: safeText(50).min(1).default('beacon'),
    contact: z.union([
      z.object({ contactId: z.string().regex(/^c_[0-9a-f]{32}$/) }),
      z.object({ email: z.string().trim().min(3).max(254) }),
    ]),
    page: z.object({
      url: address,
      title: safeText(300).optional(),
      referrer: address.optional(),
    }),
    campaign: z
      .object({
        source: safeText(200),
        medium: safeText(200),
        name: safeText(200),
        term: safeText(200),
        content: safeText(200),
      })
      .partial()
      .optional(),
  }),
});
