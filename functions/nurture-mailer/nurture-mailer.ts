import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactScored } from '#events/contact-scored.ts';
import { parseDetail } from '#events/contract.ts';
import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import type { NurtureDeps } from '#shared/nurture/deliver-due.ts';
import { nurtureLead } from '#shared/nurture/nurture-lead.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Consumer of "Contact Scored" (stage lead): enters the lead in its track and sends what is due now. */
export function createNurtureMailerHandler(deps: ReadPerInvocation<NurtureDeps, 'config'>) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const { contactId } = parseDetail(contactScored, event);
    const { document: config } = await deps.config();
    const outcome = await nurtureLead(contactId, { ...deps, config });
    logger.info('lead nurtured', { contactId, ...outcome });
  });
}
