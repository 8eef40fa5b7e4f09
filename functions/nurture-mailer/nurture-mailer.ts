import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactScored } from '#events/contact-scored.ts';
import { parseDetail } from '#events/contract.ts';
import { type StartNurtureDeps, startNurture } from '#shared/nurture/start-nurture.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Consumer of "Contact Scored" (stage lead): starts the lead's nurture track. */
export function createNurtureMailerHandler(deps: StartNurtureDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const { contactId } = parseDetail(contactScored, event);
    const outcome = await startNurture(contactId, deps);
    logger.info(outcome.sent ? 'nurture email sent' : 'nurture email not sent', { contactId, ...outcome });
  });
}
