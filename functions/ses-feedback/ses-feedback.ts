import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type EventContract, EventContractError, parseDetail } from '#events/contract.ts';
import { SES_EMAIL_EVENTS } from '#events/ses-email-events.ts';
import {
  type MailFeedbackDeps,
  recordMailFeedback,
  type SesEmailEvent,
} from '#shared/nurture/record-mail-feedback.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Consumer of SES email events (bounce, complaint, delivery, open, click) published to EventBridge. */
export function createSesFeedbackHandler(deps: MailFeedbackDeps) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const contract: EventContract<z.ZodMiniType> | undefined = SES_EMAIL_EVENTS.find(
      (candidate) => candidate.detailType === event['detail-type'],
    );
    if (!contract) throw new EventContractError(`No SES event contract for "${event['detail-type']}".`);
    const detail = parseDetail(contract, event);
    // The contract matched on detail-type validated the detail, so the pair is one of the union's members.
    const outcome = await recordMailFeedback(
      { detailType: contract.detailType, detail } as SesEmailEvent,
      deps,
    );
    logger.info('SES feedback handled', { eventId: event.id, detailType: event['detail-type'], ...outcome });
  });
}
