/** The longest pause between two attempts, whatever their number. */
const MAX_PAUSE_MS = 200;

/**
 * Waits a random while before an optimistic write is tried again after losing a race on a version.
 * Without it, many writers racing on one contact (50 signals at once) re-read and collide again in
 * lockstep, and one can lose every attempt; a pause drawn from a window that doubles with each
 * attempt ("full jitter") spreads them out. Attempt 1 is the first retry.
 */
export function pauseBeforeRetry(attempt: number): Promise<void> {
  const window = Math.min(MAX_PAUSE_MS, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * window));
}
