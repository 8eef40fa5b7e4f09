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

/** How an optimistic write reports that another writer changed the item since it was read. */
export type Conflict = 'conflict';

export interface RetryOnConflictOptions {
  /** Tries in all, the first included; past them the caller's trigger retries the whole invocation. */
  readonly maxAttempts: number;
  /** The error thrown when every attempt lost its race: it names the item and what is retried. */
  readonly exhausted: () => Error;
}

/**
 * Runs one read-decide-write attempt until it does not lose a version race, pausing a random,
 * growing while between tries ({@link pauseBeforeRetry}). An attempt re-reads everything it decides
 * on, so a retry decides afresh on what the other writer wrote.
 */
export async function retryOnConflict<Result>(
  attempt: (attemptNumber: number) => Promise<Result | Conflict>,
  options: RetryOnConflictOptions,
): Promise<Exclude<Result, Conflict>> {
  for (let attemptNumber = 1; attemptNumber <= options.maxAttempts; attemptNumber += 1) {
    const result = await attempt(attemptNumber);
    if (result !== 'conflict') return result as Exclude<Result, Conflict>;
    if (attemptNumber < options.maxAttempts) await pauseBeforeRetry(attemptNumber);
  }
  throw options.exhausted();
}
