import middy from '@middy/core';
import { type FollowUpNoticeDeps, sendFollowUpNotices } from '#shared/follow-up/send-follow-up-notices.ts';
import { invocationWindow } from '#shared/runtime/invocation-window.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Scheduled: reminds owners of follow-ups due soon and tells team leads of overdue ones. */
export function createFollowUpNotifierHandler(deps: FollowUpNoticeDeps) {
  return middy<unknown, void>().handler(async (_event, context) => {
    const outcome = await sendFollowUpNotices(deps, invocationWindow(context, deps.clock()));
    logger.info('follow-up notices sent', { ...outcome });
  });
}
