import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type SchedulerClock, scheduledEvent, startScheduler } from '#infra/local/scheduler.ts';

/** A clock whose time moves only when the test says so, firing due timers in order. */
function manualClock(startIso: string) {
  let now = new Date(startIso).getTime();
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: SchedulerClock = {
    now: () => new Date(now),
    setTimer(callback, delayMs) {
      nextId += 1;
      timers.set(nextId, { at: now + delayMs, callback });
      return nextId;
    },
    clearTimer(handle) {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    pending: () => timers.size,
    advanceTo(iso: string) {
      const target = new Date(iso).getTime();
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = target;
    },
  };
}

function recordingJob(ruleName: string, expression: string) {
  const events: ScheduledEvent[] = [];
  return {
    events,
    job: {
      functionName: 'digest',
      ruleName,
      expression,
      invoke: async (event: ScheduledEvent) => {
        events.push(event);
      },
    },
  };
}

describe('startScheduler', () => {
  it('invokes a rate() job once per period with the scheduled-event envelope', () => {
    const time = manualClock('2026-03-01T10:00:00Z');
    const { job, events } = recordingJob('DigestEveryFiveMinutes', 'rate(5 minutes)');
    const scheduler = startScheduler({
      jobs: [job],
      region: 'eu-west-1',
      accountId: '000000000000',
      clock: time.clock,
    });

    time.advanceTo('2026-03-01T10:04:59Z');
    expect(events).toHaveLength(0);
    time.advanceTo('2026-03-01T10:15:00Z');
    expect(events.map((event) => event.time)).toEqual([
      '2026-03-01T10:05:00Z',
      '2026-03-01T10:10:00Z',
      '2026-03-01T10:15:00Z',
    ]);
    expect(events[0]).toMatchObject({
      version: '0',
      source: 'aws.events',
      'detail-type': 'Scheduled Event',
      account: '000000000000',
      region: 'eu-west-1',
      resources: ['arn:aws:events:eu-west-1:000000000000:rule/DigestEveryFiveMinutes'],
      detail: {},
    });
    scheduler.stop();
  });

  it('invokes a cron() job at its UTC times and reports when it fires next', () => {
    const time = manualClock('2026-03-01T07:00:00Z');
    const { job, events } = recordingJob('MorningDigest', 'cron(0 8 * * ? *)');
    const scheduler = startScheduler({ jobs: [job], region: 'eu-west-1', accountId: '1', clock: time.clock });
    expect(scheduler.upcoming()).toEqual([
      { ruleName: 'MorningDigest', at: new Date('2026-03-01T08:00:00Z') },
    ]);

    time.advanceTo('2026-03-03T09:00:00Z');
    expect(events.map((event) => event.time)).toEqual([
      '2026-03-01T08:00:00Z',
      '2026-03-02T08:00:00Z',
      '2026-03-03T08:00:00Z',
    ]);
    expect(scheduler.upcoming()[0]?.at.toISOString()).toBe('2026-03-04T08:00:00.000Z');
    scheduler.stop();
  });

  it('fires nothing after stop() and leaves no timer behind', () => {
    const time = manualClock('2026-03-01T10:00:00Z');
    const { job, events } = recordingJob('Every', 'rate(1 minute)');
    const scheduler = startScheduler({ jobs: [job], region: 'r', accountId: '1', clock: time.clock });
    scheduler.stop();
    time.advanceTo('2026-03-01T11:00:00Z');
    expect(events).toHaveLength(0);
    expect(time.pending()).toBe(0);
  });

  it('waits past the longest Node timer in steps instead of firing early', () => {
    const time = manualClock('2026-01-01T00:00:00Z');
    const { job, events } = recordingJob('Yearly', 'cron(0 0 1 1 ? *)');
    const scheduler = startScheduler({ jobs: [job], region: 'r', accountId: '1', clock: time.clock });
    time.advanceTo('2026-12-31T23:59:00Z');
    expect(events).toHaveLength(0);
    time.advanceTo('2027-01-01T00:00:00Z');
    expect(events.map((event) => event.time)).toEqual(['2027-01-01T00:00:00Z']);
    scheduler.stop();
  });

  it('logs a failing invocation and keeps the schedule going', async () => {
    const time = manualClock('2026-03-01T10:00:00Z');
    const lines: string[] = [];
    let calls = 0;
    const scheduler = startScheduler({
      jobs: [
        {
          functionName: 'digest',
          ruleName: 'Flaky',
          expression: 'rate(1 minute)',
          invoke: async () => {
            calls += 1;
            throw new Error('boom');
          },
        },
      ],
      region: 'r',
      accountId: '1',
      clock: time.clock,
      log: (line) => lines.push(line),
    });
    time.advanceTo('2026-03-01T10:02:00Z');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(2);
    expect(lines.filter((line) => line.includes('failed: Error: boom'))).toHaveLength(2);
    scheduler.stop();
  });

  it('refuses to start with an invalid expression', () => {
    const { job } = recordingJob('Bad', 'rate(1 minutes)');
    expect(() => startScheduler({ jobs: [job], region: 'r', accountId: '1' })).toThrow('rate(1 minutes)');
  });
});

describe('scheduledEvent', () => {
  it('writes the time without milliseconds, like EventBridge', () => {
    const event = scheduledEvent({
      ruleName: 'R',
      time: new Date('2026-03-01T10:05:00.123Z'),
      region: 'eu-west-1',
      accountId: '1',
      id: 'fixed',
    });
    expect(event.time).toBe('2026-03-01T10:05:00Z');
    expect(event.id).toBe('fixed');
  });
});
