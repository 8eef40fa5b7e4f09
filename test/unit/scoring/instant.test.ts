import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf } from '#shared/scoring/instant.ts';

describe('instantOf', () => {
  it('agrees with Date.parse on every timestamp toISOString writes', () => {
    const dates = fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, (date) => {
        const text = date.toISOString();
        expect(instantOf(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on near-canonical strings, valid or not', () => {
    const field = (max: number, width: number) =>
      fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
    const parts = fc.tuple(
      field(9999, 4),
      field(19, 2),
      field(39, 2),
      field(29, 2),
      field(69, 2),
      field(69, 2),
      field(999, 3),
    );
    fc.assert(
      fc.property(parts, ([year, month, day, hour, minute, second, ms]) => {
        const text = `${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`;
        expect(Object.is(instantOf(text), Date.parse(text)), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    '2026-02-29T10:00:00.000Z',
    '2024-02-29T10:00:00.000Z',
    '2026-04-31T10:00:00.000Z',
    '2026-03-01T24:00:00.000Z',
    '0050-03-01T10:00:00.000Z',
    '2026-03-01T10:00:00Z',
    '2026-03-01T10:00:00.000+02:00',
    '2026-03-01',
    '2026-0a-01T10:00:00.000Z',
    'not a date at all, 24 ch',
    '',
  ])('reads %j as Date.parse does', (text) => {
    expect(Object.is(instantOf(text), Date.parse(text))).toBe(true);
  });
});
