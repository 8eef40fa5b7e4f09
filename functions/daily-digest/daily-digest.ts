import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { type DailyDigestDeps, sendDailyDigest } from '#shared/digest/send-daily-digest.ts';
import { invocationWindow } from '#shared/runtime/invocation-window.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Every morning: yesterday's new prospects and leads, to the marketing and sales addresses. */
export function createDailyDigestHandler(deps: DailyDigestDeps) {
  return middy<ScheduledEvent, void>().handler(async (_event, context) => {
    const outcome = await sendDailyDigest(deps, invocationWindow(context, deps.clock()));
    logger.info(outcome.sent ? 'daily digest sent' : 'daily digest not sent', { ...outcome });
  });
}
