import { optionalEnv } from '#shared/runtime/environment.ts';

/** The setting, declared in the wiring, that caps emails per second across every sending function. */
export const SEND_RATE_ENV = 'SES_MAX_SEND_RATE';

/**
 * Paces sending so the whole application never exceeds the SES sending rate (1 email a second in the
 * SES sandbox), whichever function or concurrent invocation sends.
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
  salesNotifier: 'LEADFLOW_NOTIFY_SLOT_WAIT_MS',
  dailyDigest: 'LEADFLOW_DIGEST_SLOT_WAIT_MS',
} as const;

/** A declared slot wait; a function that sends to the teams refuses to start without one. */
export function configuredSlotWaitMs(name: (typeof SLOT_WAIT_ENV)[keyof typeof SLOT_WAIT_ENV]): number {
  const value = Number(optionalEnv(name));
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be declared in the wiring: milliseconds, a whole number.`);
  }
  return value;
}

/** The configured rate, at least 1; the SES sandbox rate when unset. */
export function configuredSendRate(): number {
  const value = Number(optionalEnv(SEND_RATE_ENV) ?? '1');
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${SEND_RATE_ENV} must be a whole number of emails per second, at least 1.`);
  }
  return value;
}
