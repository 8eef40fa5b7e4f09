import type * as z from 'zod/mini';
import { bulkJobFinished } from './bulk-job-finished.ts';
import { bulkJobPieceReady } from './bulk-job-piece-ready.ts';
import { contactActivityRecorded } from './contact-activity-recorded.ts';
import { contactErased } from './contact-erased.ts';
import { contactScored } from './contact-scored.ts';
import type { EventContract } from './contract.ts';
import { dealWon } from './deal-won.ts';
import { leadReviewRequested } from './lead-review-requested.ts';
import { meetingBooked } from './meeting-booked.ts';
import { pageVisited } from './page-visited.ts';
import { prospectQualified } from './prospect-qualified.ts';
import { salesInteractionLogged } from './sales-interaction-logged.ts';
import { webinarAttended } from './webinar-attended.ts';

/**
 * Every event leadflow puts on its bus. The published JSON Schemas (events/schemas/) are generated
 * from this list; add a new contract here and `npm run events:schemas` publishes it.
 */
export const EVENT_CATALOG: readonly EventContract<z.ZodMiniType>[] = [
  contactActivityRecorded,
  contactScored,
  leadReviewRequested,
  prospectQualified,
  contactErased,
  bulkJobFinished,
  bulkJobPieceReady,
];

/**
 * The signals other tools put on the bus for leadflow (source `leadflow.engagement`): their
 * integrations send these, so their JSON Schemas describe what may be sent (before leadflow trims
 * and normalizes it).
 */
export const INCOMING_CATALOG: readonly EventContract<z.ZodMiniType>[] = [
  webinarAttended,
  meetingBooked,
  salesInteractionLogged,
  pageVisited,
  dealWon,
];
