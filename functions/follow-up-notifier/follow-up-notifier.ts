import middy from '@middy/core';
import { type FollowUpNoticeDeps, sendFollowUpNotices } from '#shared/follow-up/send-follow-up-notices.ts';
import { logger } from '#shared/runtime/logger.ts';

/** Scheduled: reminds owners of follow-ups due soon and tells team leads of overdue ones. */
export function createFollowUpNotifierHandler(deps: FollowUpNoticeDeps) {
  return middy<unknown, void>().handler(async () => {
    const outcome = await sendFollowUpNotices(deps);
    logger.info('follow-up notices sent', { ...outcome });
  });
}
