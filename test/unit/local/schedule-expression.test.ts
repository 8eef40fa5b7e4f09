import { describe, expect, it } from 'vitest';
import { parseScheduleExpression } from '#infra/local/schedule/schedule-expression.ts';

const start = new Date('2026-01-01T00:00:00Z'); // a Thursday

function nextFires(expression: string, count: number, from = start): string[] {
  const schedule = parseScheduleExpression(expression);
  const fires: string[] = [];
  let after = from;
  for (let i = 0; i < count; i += 1) {
    const at = schedule.nextFireAfter(after, start);
    if (!at) break;
    fires.push(at.toISOString());
    after = at;
  }
  return fires;
}

describe('rate() expressions', () => {
  it.each([
    ['rate(1 minute)', ['2026-01-01T00:01:00.000Z', '2026-01-01T00:02:00.000Z']],
    ['rate(5 minutes)', ['2026-01-01T00:05:00.000Z', '2026-01-01T00:10:00.000Z']],
    ['rate(1 hour)', ['2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z']],
    ['rate(12 hours)', ['2026-01-01T12:00:00.000Z', '2026-01-02T00:00:00.000Z']],
    ['rate(1 day)', ['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']],
    ['rate(7 days)', ['2026-01-08T00:00:00.000Z', '2026-01-15T00:00:00.000Z']],
  ])('%s fires one period after the start, then every period', (expression, expected) => {
    expect(nextFires(expression, 2)).toEqual(expected);
  });

  it('counts periods from the start, not from the time it is asked', () => {
    const schedule = parseScheduleExpression('rate(10 minutes)');
    expect(schedule.nextFireAfter(new Date('2026-01-01T00:25:00Z'), start)?.toISOString()).toBe(
      '2026-01-01T00:30:00.000Z',
    );
    expect(schedule.nextFireAfter(new Date('2026-01-01T00:30:00Z'), start)?.toISOString()).toBe(
      '2026-01-01T00:40:00.000Z',
    );
  });

  it.each([
    'rate(1 minutes)',
    'rate(5 minute)',
    'rate(0 minutes)',
    'rate(5 weeks)',
    'rate(1.5 hours)',
    'rate()',
  ])('rejects %s as AWS does', (expression) => {
    expect(() => parseScheduleExpression(expression)).toThrow(expression);
  });
});

describe('cron() expressions (AWS six fields, UTC)', () => {
  it('fires every day at 08:00 UTC', () => {
    expect(nextFires('cron(0 8 * * ? *)', 2)).toEqual([
      '2026-01-01T08:00:00.000Z',
      '2026-01-02T08:00:00.000Z',
    ]);
  });

  it('accepts start/step minutes such as 0/15', () => {
    expect(nextFires('cron(0/15 * * * ? *)', 3)).toEqual([
      '2026-01-01T00:15:00.000Z',
      '2026-01-01T00:30:00.000Z',
      '2026-01-01T00:45:00.000Z',
    ]);
  });

  it('numbers weekdays from 1 = Sunday, so 2-6 is Monday to Friday', () => {
    expect(nextFires('cron(0 10 ? * 2-6 *)', 3)).toEqual([
      '2026-01-01T10:00:00.000Z',
      '2026-01-02T10:00:00.000Z',
      '2026-01-05T10:00:00.000Z',
    ]);
    expect(nextFires('cron(0 10 ? * MON-FRI *)', 3)).toEqual(nextFires('cron(0 10 ? * 2-6 *)', 3));
  });

  it('supports L, W and # as AWS documents them', () => {
    expect(nextFires('cron(0 12 L * ? *)', 2)).toEqual([
      '2026-01-31T12:00:00.000Z',
      '2026-02-28T12:00:00.000Z',
    ]);
    expect(nextFires('cron(15 10 ? * 6L 2026-2030)', 1)).toEqual(['2026-01-30T10:15:00.000Z']);
    expect(nextFires('cron(0 9 ? * 2#1 *)', 1)).toEqual(['2026-01-05T09:00:00.000Z']);
    // 15 February 2026 is a Sunday: the nearest weekday is Monday the 16th.
    expect(nextFires('cron(0 9 15W 2 ? *)', 1)).toEqual(['2026-02-16T09:00:00.000Z']);
  });

  it('stops firing when its year range is over', () => {
    // Strictly after the start: 1 January 2026 00:00 itself is not a next fire.
    expect(nextFires('cron(0 0 1 1 ? 2026-2027)', 5)).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it.each([
    ['cron(0 8 * * *)', 'six fields'],
    ['cron(0 8 * * * *)', '"?"'],
    ['cron(0 8 ? * ? *)', '"?"'],
    ['cron(0 25 * * ? *)', 'not a valid AWS cron expression'],
    ['every day', 'neither rate'],
  ])('rejects %s', (expression, reason) => {
    expect(() => parseScheduleExpression(expression)).toThrow(reason);
  });
});
