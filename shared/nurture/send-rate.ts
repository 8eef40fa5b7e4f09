import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';

/** The setting, declared in the wiring, that caps emails per second across every sending function. */
export const SEND_RATE_ENV = SETTINGS.sendRate.name;

/**
 * Paces sending so the whole application never exceeds the SES sending rate (1 email a second in the
 * SES sandbox), whichever function or concurrent invocation sends.
 */
export interface SendRateLimiter {
  /** Waits for a sending slot; false when none frees up within `maxWaitMs` (nothing is sent then). */
  acquire(maxWaitMs: number): Promise<boolean>;
}

/**
 * How long an email to our own teams (a sales notification, the daily digest) waits for a sending
 * slot before its invocation fails and is retried: nurture's backlog may hold the slots a while.
 */
export const TEAM_EMAIL_SLOT_WAIT_MS = 30_000;

/** The configured rate, at least 1; the SES sandbox rate when unset. */
export function configuredSendRate(): number {
  return readSetting(SETTINGS.sendRate);
}
