import type * as z from 'zod/mini';
import { contactActivityRecorded } from './contact-activity-recorded.ts';
import { contactErased } from './contact-erased.ts';
import { contactScored } from './contact-scored.ts';
import type { EventContract } from './contract.ts';
import { leadReviewRequested } from './lead-review-requested.ts';
import { prospectQualified } from './prospect-qualified.ts';

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
];
