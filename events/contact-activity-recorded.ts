import { z } from 'zod';
import { activityTypeSchema } from '#shared/activity/activity-type.ts';
import { defineEvent, LEADFLOW_SOURCE } from './contract.ts';

/**
 * Put once per newly recorded activity (never for a duplicate delivery). It carries ids, not
 * personal data: consumers read the contact from the table.
 */
export const contactActivityRecorded = defineEvent({
  source: LEADFLOW_SOURCE,
  detailType: 'Contact Activity Recorded',
  version: 1,
  schema: z.object({
    version: z.literal(1),
    contactId: z.string().min(1),
    activityId: z.string().min(1),
    activityType: activityTypeSchema,
    channel: z.string().min(1),
    occurredAt: z.iso.datetime(),
  }),
});
