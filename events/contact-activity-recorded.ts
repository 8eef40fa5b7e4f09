import * as z from 'zod/mini';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';
import { activityTypeSchema } from './vocabulary/activity-type.ts';

/**
 * Put after an activity is recorded, at least once: a redelivered submission puts it again (that is
 * how an event lost after the write is re-derived), so consumers must be idempotent. It carries ids,
 * not personal data: consumers read the contact from the table.
 */
export const contactActivityRecorded = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Contact Activity Recorded',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    contactId: z.string().check(z.minLength(1)),
    activityId: z.string().check(z.minLength(1)),
    activityType: activityTypeSchema,
    channel: z.string().check(z.minLength(1)),
    occurredAt: z.iso.datetime(),
  }),
});
