import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { parseDetail } from '#events/contract.ts';
import { dealWon } from '#events/deal-won.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { decideReview } from '#shared/review/decide-review.ts';
import { logger } from '#shared/runtime/logger.ts';
import type { RescoreDeps } from '#shared/scoring/rescore-contact.ts';
import type { WithModelReader } from '#shared/scoring/scoring-model-config.ts';

/**
 * Consumer of "Deal Won" from the CRM: the contact becomes a customer, recorded as decided by the
 * CRM. A deal for an address leadflow never recorded (a customer who came another way) and a deal
 * for a contact already a customer (a redelivery) change nothing and are not retried; a deal for a
 * disqualified contact is left for a person, with a warning. Anything else that fails is retried and
 * finally dead-lettered.
 */
export function createDealRecorderHandler(deps: WithModelReader<RescoreDeps>) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    const detail = parseDetail(dealWon, event);
    const address = normalizeEmail(detail.contact.email);
    if (!address.ok) {
      logger.warn('won deal with an unusable address ignored', { eventId: event.id, reason: address.reason });
      return;
    }
    const contactId = contactIdFor(address.email);
    const outcome = await decideReview(
      contactId,
      {
        decision: 'won',
        decidedBy: 'crm',
        reviewer: detail.crm,
        reason: `deal ${detail.dealId}${detail.dealName ? ` (${detail.dealName})` : ''} won on ${detail.wonAt}`,
      },
      { ...deps, model: (await deps.model()).document },
    );
    const about = { eventId: event.id, contactId, crm: detail.crm };
    if (outcome.outcome === 'decided') logger.info('won deal recorded: the contact is a customer', about);
    else if (outcome.outcome === 'not-found')
      logger.info('won deal for a contact leadflow does not hold', about);
    else if (outcome.stage === 'customer') logger.info('won deal already recorded', about);
    else
      logger.warn('won deal for a contact in a stage a deal does not move', {
        ...about,
        stage: outcome.stage,
      });
  });
}
