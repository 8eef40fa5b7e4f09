import * as z from 'zod/mini';
import { defineEvent } from './contract.ts';
import { ENGAGEMENT_SOURCE, signalId, signalPersonSchema, signalTime } from './engagement-source.ts';
import { multilineText, safeText } from './vocabulary/safe-text.ts';

/**
 * Someone booked a meeting, shaped like a scheduler's booking webhook (Calendly's `invitee.created`:
 * invitee, scheduled event, UTM tracking, questions and answers): put by the scheduler's
 * integration. `bookingId` (Calendly's invitee URI) is the idempotency key. A booking is a hand-raise.
 */
export const meetingBooked = defineEvent({
  source: ENGAGEMENT_SOURCE,
  detailType: 'Meeting Booked',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    scheduler: safeText(50).check(z.minLength(1)),
    bookingId: signalId,
    createdAt: signalTime,
    invitee: z.extend(signalPersonSchema, {
      name: z.optional(safeText(200)),
      timezone: z.optional(safeText(100)),
    }),
    scheduledEvent: z.object({
      name: z.optional(safeText(300)),
      startTime: signalTime,
      endTime: z.optional(signalTime),
    }),
    tracking: z.optional(
      z.partial(
        z.object({
          utmSource: safeText(200),
          utmMedium: safeText(200),
          utmCampaign: safeText(200),
          utmTerm: safeText(200),
          utmContent: safeText(200),
        }),
      ),
    ),
    /** The booking form's questions; those named like a contact field or a qualification answer are kept. */
    questionsAndAnswers: z.optional(
      z.array(z.object({ question: safeText(500), answer: multilineText(2000) })).check(z.maxLength(50)),
    ),
  }),
});
