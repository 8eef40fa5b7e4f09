import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseBeforeRetry, retryOnConflict } from '#shared/runtime/conflict-backoff.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Whether the pause is over after `ms` milliseconds of fake time. */
async function overAfter(pause: Promise<void>, ms: number): Promise<boolean> {
  let over = false;
  void pause.then(() => {
    over = true;
  });
  await vi.advanceTimersByTimeAsync(ms);
  return over;
}

describe('pauseBeforeRetry', () => {
  it.each([
    [1, 10],
    [2, 20],
    [5, 160],
    [6, 200],
    [30, 200],
  ])('after attempt %i waits at most %i ms, a window that doubles and is capped', async (attempt, window) => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const pause = pauseBeforeRetry(attempt);
    expect(await overAfter(pause, window * 0.999 - 1)).toBe(false);
    expect(await overAfter(pause, 2)).toBe(true);
  });

  it('draws the pause at random within the window, so racing writers spread out', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    expect(await overAfter(pauseBeforeRetry(3), 10 + 1)).toBe(true);
  });
});

describe('retryOnConflict', () => {
  const exhausted = () => new Error('contact c-1 kept changing');

  it('tries again after each lost race and returns the first result that won', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const outcomes = ['conflict', 'conflict', 'saved'] as const;
    const attempt = vi.fn(async (attemptNumber: number) => outcomes[attemptNumber - 1] ?? 'saved');
    await expect(retryOnConflict(attempt, { maxAttempts: 8, exhausted })).resolves.toBe('saved');
    expect(attempt.mock.calls.map(([attemptNumber]) => attemptNumber)).toEqual([1, 2, 3]);
  });

  it('returns at once what an attempt decided without writing (nothing to do is not a race)', async () => {
    const attempt = vi.fn(async () => undefined);
    await expect(retryOnConflict(attempt, { maxAttempts: 8, exhausted })).resolves.toBeUndefined();
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('throws the named error after the last lost race, so the trigger retries the invocation', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const attempt = vi.fn(async () => 'conflict' as const);
    await expect(retryOnConflict(attempt, { maxAttempts: 3, exhausted })).rejects.toThrow(
      'contact c-1 kept changing',
    );
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('lets an error of an attempt through untouched, without trying again', async () => {
    const attempt = vi.fn(async () => {
      throw new Error('table not found');
    });
    await expect(retryOnConflict(attempt, { maxAttempts: 3, exhausted })).rejects.toThrow('table not found');
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
