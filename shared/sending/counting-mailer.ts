import type { Mailer } from '#shared/nurture/mailer.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { logger } from '#shared/runtime/logger.ts';
import type { SendingLedger } from './sending-ledger.ts';

/**
 * A mailer that counts every email SES accepted in the ledger, whichever function sent it: the
 * denominator of the breaker's rates and leadflow's own count of the 24-hour quota. The email has
 * gone out when the count is written, so a failed count is logged, never retried into a second send.
 */
export function countingMailer(mailer: Mailer, ledger: SendingLedger, clock: Clock): Mailer {
  return {
    async send(email) {
      const sent = await mailer.send(email);
      await ledger.countSend(clock()).catch((error: unknown) => {
        logger.warn('sent email not counted', { error: error instanceof Error ? error.name : 'unknown' });
      });
      return sent;
    },
  };
}
