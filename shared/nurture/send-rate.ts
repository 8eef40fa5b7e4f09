import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';

/**
 * Paces sending so the whole application never exceeds the SES sending rate (the account's `MaxSendRate`,
 * 1 email a second in the SES sandbox), whichever function or concurrent invocation sends.
 */
export interface SendRateLimiter {
  /** Waits for a sending slot; false when none frees up within `maxWaitMs` (nothing is sent then). */
  acquire(maxWaitMs: number): Promise<boolean>;
}

/**
 * The settings, declared per function in the wiring, of how long one invocation of a function that
 * emails our own teams waits for sending slots before it fails and is retried: nurture's backlog may
 * hold the slots a while. One name per function (the local runtime shares one environment); each
 * ends in `_SLOT_WAIT_MS`, and a test holds it, with a margin, inside its function's timeout.
 */
export const SLOT_WAIT_ENV = {
  salesNotifier: SETTINGS.notifySlotWaitMs.name,
  dailyDigest: SETTINGS.digestSlotWaitMs.name,
} as const;

/** A declared slot wait; a function that sends to the teams refuses to start without one. */
export function configuredSlotWaitMs(name: (typeof SLOT_WAIT_ENV)[keyof typeof SLOT_WAIT_ENV]): number {
  return readSetting(
    name === SLOT_WAIT_ENV.salesNotifier ? SETTINGS.notifySlotWaitMs : SETTINGS.digestSlotWaitMs,
  );
}
