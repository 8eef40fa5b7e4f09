/**
 * The time one invocation has, so that whatever it waits for ends before it does, and whatever it
 * claims expires after it: a function killed mid-send (a timeout, a crash) leaves a claim that its
 * retry can take over, and a live one is never overtaken.
 */
export interface InvocationWindow {
  /** When the invocation's time runs out (epoch milliseconds). */
  readonly endsAt: number;
}

/** Kept free after the last wait for the send itself and the writes that follow it. */
export const AFTER_WAIT_RESERVE_MS = 3_000;

/** A claim outlives the invocation that took it by this much; then a retry may take it over. */
export const LEASE_MARGIN_MS = 5_000;

export function invocationWindow(
  context: { getRemainingTimeInMillis(): number },
  now: Date,
): InvocationWindow {
  return { endsAt: now.getTime() + context.getRemainingTimeInMillis() };
}

/** Until when a claim taken in this invocation holds. */
export function leaseUntil(window: InvocationWindow): string {
  return new Date(window.endsAt + LEASE_MARGIN_MS).toISOString();
}

/** The latest moment a wait started at `now` may last: its own limit, or the window less the reserve. */
export function waitsEndBy(window: InvocationWindow, now: Date, longestWaitMs: number): number {
  return Math.min(now.getTime() + longestWaitMs, window.endsAt - AFTER_WAIT_RESERVE_MS);
}
