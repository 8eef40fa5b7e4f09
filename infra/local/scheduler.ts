import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { parseScheduleExpression, type Schedule } from './schedule/schedule-expression.ts';

/** One declared `schedule` trigger, bound to the function it invokes. */
export interface ScheduledJob {
  readonly functionName: string;
  readonly ruleName: string;
  readonly expression: string;
  readonly invoke: (event: ScheduledEvent) => Promise<unknown>;
}

/** Time as the scheduler sees it; injected so tests move time by hand instead of waiting. */
export interface SchedulerClock {
  now(): Date;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface SchedulerOptions {
  readonly jobs: readonly ScheduledJob[];
  readonly region: string;
  readonly accountId: string;
  readonly clock?: SchedulerClock;
  readonly log?: (line: string) => void;
}

export interface RunningScheduler {
  /** When each job fires next, for the start banner and for tests. */
  upcoming(): readonly { readonly ruleName: string; readonly at: Date }[];
  stop(): void;
}

/** Node caps timer delays at 2^31-1 ms (~24.8 days); longer waits are taken in steps. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * Timers for the declared `schedule` triggers: each job invokes its function with the envelope
 * EventBridge gives a scheduled rule's target. Expressions are parsed up front so a bad one stops
 * the start instead of silently never firing.
 */
export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const clock = options.clock ?? realClock;
  const log = options.log ?? (() => {});
  const startedAt = clock.now();
  const parsed = options.jobs.map((job) => ({ job, schedule: parseScheduleExpression(job.expression) }));
  const timers = new Map<string, unknown>();
  const nextAt = new Map<string, Date>();
  let stopped = false;

  const arm = (job: ScheduledJob, schedule: Schedule, after: Date): void => {
    if (stopped) return;
    const at = schedule.nextFireAfter(after, startedAt);
    if (!at) {
      nextAt.delete(job.ruleName);
      log(`schedule: ${job.ruleName} (${job.expression}) will not fire again`);
      return;
    }
    nextAt.set(job.ruleName, at);
    waitUntil(job, schedule, at);
  };

  const waitUntil = (job: ScheduledJob, schedule: Schedule, at: Date): void => {
    const delay = at.getTime() - clock.now().getTime();
    const step = Math.min(Math.max(delay, 0), MAX_TIMER_DELAY_MS);
    const handle = clock.setTimer(() => {
      if (stopped) return;
      if (clock.now().getTime() < at.getTime()) {
        waitUntil(job, schedule, at);
        return;
      }
      fire(job, at);
      // A late timer (a laptop waking up) fires once, not once per missed period.
      const now = clock.now();
      arm(job, schedule, now.getTime() > at.getTime() ? now : at);
    }, step);
    timers.set(job.ruleName, handle);
  };

  const fire = (job: ScheduledJob, at: Date): void => {
    const event = scheduledEvent({
      ruleName: job.ruleName,
      time: at,
      region: options.region,
      accountId: options.accountId,
    });
    log(`schedule: ${job.ruleName} → ${job.functionName}`);
    job.invoke(event).catch((error: unknown) => {
      log(`schedule: ${job.ruleName} → ${job.functionName} failed: ${describeError(error)}`);
    });
  };

  for (const { job, schedule } of parsed) arm(job, schedule, startedAt);

  return {
    upcoming: () => [...nextAt].map(([ruleName, at]) => ({ ruleName, at })),
    stop() {
      stopped = true;
      for (const handle of timers.values()) clock.clearTimer(handle);
      timers.clear();
      nextAt.clear();
    },
  };
}

/** The event EventBridge delivers to a scheduled rule's target. */
export function scheduledEvent(input: {
  readonly ruleName: string;
  readonly time: Date;
  readonly region: string;
  readonly accountId: string;
  readonly id?: string;
}): ScheduledEvent {
  return {
    version: '0',
    id: input.id ?? randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: input.accountId,
    // EventBridge writes event times without milliseconds.
    time: `${input.time.toISOString().slice(0, 19)}Z`,
    region: input.region,
    resources: [`arn:aws:events:${input.region}:${input.accountId}:rule/${input.ruleName}`],
    detail: {},
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Wall-clock timers, unref'd so pending schedules alone never keep a process alive. */
const realClock: SchedulerClock = {
  now: () => new Date(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
