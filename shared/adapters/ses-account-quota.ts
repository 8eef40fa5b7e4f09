import { GetAccountCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Clock } from '#shared/runtime/clock.ts';
import { logger } from '#shared/runtime/logger.ts';
import type { AccountQuota } from '#shared/sending/decide-quota.ts';
import type { AccountQuotaSource } from '#shared/sending/nurture-gate.ts';

/** The SES sandbox's limits: what a container assumes until SES has answered once. */
export const SANDBOX_QUOTA: AccountQuota = { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 };

/** How often the quota is asked again: SES raises it as the account earns it, and usage moves. */
const REFRESH_MS = 5 * 60_000;

export interface SesAccountQuota extends AccountQuotaSource {
  /** Emails a second the whole application may send: the account's rate, at least one. */
  sendRate(): Promise<number>;
}

/**
 * The account's real sending limits from SES v2 `GetAccount` (`SendQuota`), asked at most every
 * five minutes per container. If SES cannot be asked, the last answer stands; before any answer, the
 * sandbox's limits do, which can only ever send slower than allowed, never faster.
 */
export function sesAccountQuota(client: SESv2Client, clock: Clock): SesAccountQuota {
  let known: { readonly quota: AccountQuota; readonly at: number } | undefined;
  let asking: Promise<AccountQuota> | undefined;
  const ask = async (): Promise<AccountQuota> => {
    try {
      const { SendQuota } = await client.send(new GetAccountCommand({}));
      const quota: AccountQuota = {
        max24HourSend: SendQuota?.Max24HourSend ?? SANDBOX_QUOTA.max24HourSend,
        maxSendRate: SendQuota?.MaxSendRate ?? SANDBOX_QUOTA.maxSendRate,
        sentLast24Hours: SendQuota?.SentLast24Hours ?? 0,
      };
      known = { quota, at: clock().getTime() };
      return quota;
    } catch (error) {
      logger.warn('SES sending quota unavailable; keeping the last known', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      known = { quota: known?.quota ?? SANDBOX_QUOTA, at: clock().getTime() };
      return known.quota;
    } finally {
      asking = undefined;
    }
  };
  const quota = async () => {
    if (known && clock().getTime() - known.at < REFRESH_MS) return known.quota;
    asking ??= ask();
    return asking;
  };
  return {
    quota,
    sendRate: async () => Math.max(1, Math.floor((await quota()).maxSendRate)),
  };
}
