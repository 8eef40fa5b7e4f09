import * as z from 'zod/mini';
import { safeText } from './vocabulary/safe-text.ts';

/**
 * The source of engagement signals that come from other tools (webinar platform, website, calendar,
 * CRM) through their integrations, as opposed to the events leadflow puts itself (`leadflow`).
 */
export const ENGAGEMENT_SOURCE = 'leadflow.engagement';

/** A time as tools write it: ISO 8601, with `Z` or an offset (`2026-03-02T10:00:00+01:00`). */
export const signalTime = z.iso.datetime({ offset: true });

/** The provider's own id of the signal: retries and replays carry the same one. */
export const signalId = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** A person as tools identify them: by address, with whatever profile the tool knows. */
export const signalPersonSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)),
  firstName: z.optional(safeText(100)),
  lastName: z.optional(safeText(100)),
  company: z.optional(safeText(200)),
  jobTitle: z.optional(safeText(200)),
  phone: z.optional(safeText(40)),
});
