import { afterEach, describe, expect, it, vi } from 'vitest';
import { pauseBeforeRetry } from '#shared/runtime/conflict-backoff.ts';

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
