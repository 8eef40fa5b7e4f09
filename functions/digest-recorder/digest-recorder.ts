import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { contactScored } from '#events/contact-scored.ts';
import { parseDetail } from '#events/contract.ts';
import { prospectQualified } from '#events/prospect-qualified.ts';
import type { DigestStore } from '#shared/digest/digest-store.ts';
import { recordQualifiedForDigest, recordScoredForDigest } from '#shared/digest/record-for-digest.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Notes new leads ("Contact Scored", first time) and new prospects ("Prospect Qualified") for the daily digest. */
export function createDigestRecorderHandler(deps: { readonly digests: DigestStore }) {
  return middy<EventBridgeEvent<string, unknown>, void>().handler(async (event) => {
    if (event['detail-type'] === prospectQualified.detailType) {
      const detail = parseDetail(prospectQualified, event);
      await recordQualifiedForDigest(detail, deps.digests);
      logger.info('prospect noted for the digest', { contactId: detail.contact.contactId });
      return;
    }
    const detail = parseDetail(contactScored, event);
    const outcome = await recordScoredForDigest(detail, deps.digests);
    logger.info('scored contact noted for the digest', { contactId: detail.contactId, outcome });
  });
}
