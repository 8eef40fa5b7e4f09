import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import type { NurtureDeps } from '#shared/nurture/deliver-due.ts';
import { sendDueEmails } from '#shared/nurture/send-due-emails.ts';
import { logger } from '#shared/runtime/logger.ts';

/** The scheduled sender: every minute, sends the nurture emails that are due, within the send rate. */
export function createNurtureSenderHandler(deps: ReadPerInvocation<NurtureDeps, 'config'>) {
  return middy<ScheduledEvent, void, Error, Context>().handler(async (_event, context) => {
    const { document: config } = await deps.config();
    const summary = await sendDueEmails(
      { ...deps, config },
      { remainingTimeMs: () => context.getRemainingTimeInMillis() },
    );
    logger.info('due nurture emails handled', { ...summary });
  });
}
