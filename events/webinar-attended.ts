import * as z from 'zod/mini';
import { defineEvent } from './contract.ts';
import { ENGAGEMENT_SOURCE, signalId, signalPersonSchema, signalTime } from './engagement-source.ts';
import { safeText } from './vocabulary/safe-text.ts';

/**
 * Someone attended a webinar, as a webinar platform reports a participant (Zoom's
 * `webinar.participant_left`, GoToWebinar's attendee, Livestorm's `session.participant_left`…): put
 * by that platform's integration. `attendanceId` (Zoom's participant_uuid, for instance) is the
 * idempotency key. An attendee who is not a contact yet becomes one.
 */
export const webinarAttended = defineEvent({
  source: ENGAGEMENT_SOURCE,
  detailType: 'Webinar Attended',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    platform: safeText(50).check(z.minLength(1)),
    attendanceId: signalId,
    webinar: z.object({
      id: signalId,
      topic: z.optional(safeText(300)),
      startTime: z.optional(signalTime),
    }),
    participant: z.extend(signalPersonSchema, {
      joinTime: signalTime,
      leaveTime: z.optional(signalTime),
      durationSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
    }),
  }),
});
