import { Cron } from 'croner';

/**
 * A parsed EventBridge schedule expression that can tell when it fires next. Both forms answer the
 * same question so the scheduler needs no branch per kind, and tests can drive them with any clock.
 */
export interface Schedule {
  readonly expression: string;
  /**
   * The first fire time strictly after `after`, or undefined when the expression never fires again
   * (a cron whose year range is over). `startedAt` anchors `rate()` schedules, which count their
   * periods from when the rule came into being, as EventBridge does.
   */
  nextFireAfter(after: Date, startedAt: Date): Date | undefined;
}

const RATE = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/;
const CRON = /^cron\((.*)\)$/;

const UNIT_MS: Readonly<Record<string, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/**
 * Parses `rate(…)` and AWS six-field `cron(…)` expressions with AWS's own validation rules, so an
 * expression that the CDK deploy would reject also fails locally, at start, with a sentence that
 * names it.
 */
export function parseScheduleExpression(expression: string): Schedule {
  const trimmed = expression.trim();
  const rate = RATE.exec(trimmed);
  if (rate) return parseRate(trimmed, rate[1] ?? '', rate[2] ?? '');
  const cron = CRON.exec(trimmed);
  if (cron) return parseCron(trimmed, cron[1] ?? '');
  throw new Error(`Schedule expression "${expression}" is neither rate(…) nor cron(…).`);
}

function parseRate(expression: string, amountText: string, unitText: string): Schedule {
  const amount = Number(amountText);
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new Error(`Schedule expression "${expression}": the rate must be a positive whole number.`);
  }
  // AWS rejects "rate(1 minutes)" and "rate(5 minute)": the unit is singular exactly when the value is 1.
  const singular = !unitText.endsWith('s');
  if (singular !== (amount === 1)) {
    throw new Error(
      `Schedule expression "${expression}": use a singular unit for 1 and a plural unit otherwise, as AWS requires.`,
    );
  }
  const unitMs = UNIT_MS[singular ? unitText : unitText.slice(0, -1)] ?? 0;
  const periodMs = amount * unitMs;
  return {
    expression,
    nextFireAfter(after, startedAt) {
      const elapsed = after.getTime() - startedAt.getTime();
      const periods = elapsed < 0 ? 0 : Math.floor(elapsed / periodMs) + 1;
      return new Date(startedAt.getTime() + Math.max(1, periods) * periodMs);
    },
  };
}

function parseCron(expression: string, body: string): Schedule {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new Error(
      `Schedule expression "${expression}": AWS cron takes six fields (minutes hours day-of-month month day-of-week year), got ${fields.length}.`,
    );
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  // AWS: one of day-of-month and day-of-week must be "?"; they cannot both constrain the day.
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new Error(
      `Schedule expression "${expression}": exactly one of day-of-month and day-of-week must be "?".`,
    );
  }
  let cron: Cron;
  try {
    // croner's seven-part form is "seconds … year"; AWS weekdays count 1 = Sunday (Quartz style),
    // AWS schedules run in UTC, and AWS accepts "0/15" steps, which croner calls sloppy ranges.
    cron = new Cron(`0 ${fields.join(' ')}`, {
      mode: '7-part',
      alternativeWeekdays: true,
      timezone: 'UTC',
      sloppyRanges: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Schedule expression "${expression}" is not a valid AWS cron expression: ${reason}`);
  }
  return {
    expression,
    nextFireAfter(after) {
      return cron.nextRun(after) ?? undefined;
    },
  };
}
