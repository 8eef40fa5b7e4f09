import * as z from 'zod/mini';
import { defineEvent } from './contract.ts';
import { ENGAGEMENT_SOURCE, signalId, signalTime } from './engagement-source.ts';
import { safeText } from './vocabulary/safe-text.ts';

const address = z.url({ protocol: /^https?$/ }).check(z.maxLength(2000));

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
    source: z._default(safeText(50).check(z.minLength(1)), 'beacon'),
    contact: z.union([
      z.object({ contactId: z.string().check(z.regex(/^c_[0-9a-f]{32}$/)) }),
      z.object({ email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)) }),
    ]),
    page: z.object({
      url: address,
      title: z.optional(safeText(300)),
      referrer: z.optional(address),
    }),
    campaign: z.optional(
      z.partial(
        z.object({
          source: safeText(200),
          medium: safeText(200),
          name: safeText(200),
          term: safeText(200),
          content: safeText(200),
        }),
      ),
    ),
  }),
});
