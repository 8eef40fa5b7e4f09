import { describe, expect, it } from 'vitest';
import { type FunnelDay, zeroCounts } from '#shared/funnel/funnel-counters.ts';
import { funnelReport, periodStart } from '#shared/funnel/funnel-report.ts';
import {
  countQualification,
  countReviewRequested,
  countScoredContact,
  LEAD_KEY,
} from '#shared/funnel/record-funnel-event.ts';
import { BUCKET_COUNT, bucketOf, bucketUpperHours, medianHours } from '#shared/funnel/time-to-qualify.ts';
import { InMemoryFunnelStore } from '../../support/in-memory-funnel-store.ts';

const scored = (overrides: Record<string, unknown> = {}) => ({
  version: 1 as const,
  contactId: 'c_1',
  score: 40,
  stage: 'lead' as const,
  previousStage: 'lead' as const,
  modelVersion: 'm1',
  scoredAt: '2026-03-05T10:00:00.000Z',
  ...overrides,
});

const handOff = {
  contact: { contactId: 'c_1', email: 'jane@acme-industries.com' },
  score: {
    total: 80,
    fit: 40,
    engagement: 30,
    qualification: 10,
    grade: 'A' as const,
    breakdown: [],
    knownAnswers: [],
    handRaiser: true,
    businessEmail: true,
    modelVersion: 'm1',
    scoredAt: '2026-03-05T10:00:00.000Z',
  },
  answers: {},
  attribution: {},
  activitySummary: { count: 2, byType: { demo_request: 1 }, firstAt: '2026-03-03T10:00:00.000Z' },
};

function day(
  date: string,
  counts: Partial<ReturnType<typeof zeroCounts>>,
  ttq: Record<number, number> = {},
): FunnelDay {
  return { day: date, counts: { ...zeroCounts(), ...counts }, hoursToQualify: ttq };
}

describe('time to qualify buckets', () => {
  it('puts each time in the bucket whose bound is the first at or above it', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.25)).toBe(0);
    expect(bucketOf(0.26)).toBe(1);
    expect(bucketOf(bucketUpperHours(10))).toBe(10);
    expect(bucketOf(bucketUpperHours(10) * 1.01)).toBe(11);
    expect(bucketOf(1e9)).toBe(BUCKET_COUNT - 1);
    expect(bucketUpperHours(BUCKET_COUNT - 1)).toBe(Number.POSITIVE_INFINITY);
    // More than a year fits in a bounded bucket.
    expect(bucketUpperHours(BUCKET_COUNT - 2)).toBeGreaterThan(365 * 24);
  });

  it('estimates the median within 12.5 % of the real one', () => {
    const hours = [2, 5, 9, 30, 31, 48, 70, 200, 400];
    const histogram: Record<number, number> = {};
    for (const h of hours) histogram[bucketOf(h)] = (histogram[bucketOf(h)] ?? 0) + 1;
    const median = medianHours(histogram) ?? 0;
    expect(Math.abs(median - 31) / 31).toBeLessThanOrEqual(0.125);
    expect(medianHours({})).toBeUndefined();
  });
});

describe('funnelReport', () => {
  it('lists every period of the range, empty ones as zeros, and adds up the totals', () => {
    const report = funnelReport(
      [day('2026-03-02', { leads: 4, reviews: 1 }), day('2026-03-04', { leads: 6 })],
      {
        from: '2026-03-01',
        to: '2026-03-04',
        interval: 'day',
      },
    );
    expect(report.periods.map((p) => [p.start, p.counts.leads])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 4],
      ['2026-03-03', 0],
      ['2026-03-04', 6],
    ]);
    expect(report.totals).toMatchObject({ leads: 10, reviews: 1 });
    expect(report.timeZone).toBe('UTC');
  });

  it('groups by ISO week from Monday and by calendar month', () => {
    expect(periodStart('2026-03-08', 'week')).toBe('2026-03-02'); // a Sunday belongs to the Monday before
    expect(periodStart('2026-03-09', 'week')).toBe('2026-03-09');
    expect(periodStart('2026-03-31', 'month')).toBe('2026-03-01');
    const weekly = funnelReport(
      [day('2026-03-03', { leads: 2 }), day('2026-03-08', { leads: 3 }), day('2026-03-09', { leads: 5 })],
      {
        from: '2026-03-03',
        to: '2026-03-10',
        interval: 'week',
      },
    );
    expect(weekly.periods.map((p) => [p.start, p.counts.leads])).toEqual([
      ['2026-03-02', 5],
      ['2026-03-09', 5],
    ]);
  });

  it('gives flow conversion rates, and null rather than 0 % when the base is empty', () => {
    const report = funnelReport(
      [
        day('2026-03-02', {
          leads: 20,
          reviews: 5,
          prospects: 3,
          prospectsAccepted: 2,
          reviewsRejected: 1,
          reviewsDisqualified: 1,
        }),
      ],
      { from: '2026-03-01', to: '2026-03-02', interval: 'day' },
    );
    expect(report.conversion).toEqual({ leadToReview: 0.25, leadToProspect: 0.15, reviewAcceptance: 0.5 });
    expect(report.periods[0]?.conversion).toEqual({
      leadToReview: null,
      leadToProspect: null,
      reviewAcceptance: null,
    });
  });

  it('gives the median time to qualify over the range and per period', () => {
    const report = funnelReport(
      [
        day('2026-03-02', { prospects: 1 }, { [bucketOf(24)]: 1 }),
        day('2026-03-03', { prospects: 2 }, { [bucketOf(48)]: 2 }),
      ],
      { from: '2026-03-02', to: '2026-03-03', interval: 'day' },
    );
    expect(report.timeToQualify.qualified).toBe(3);
    expect(Math.abs((report.timeToQualify.medianHours ?? 0) - 48) / 48).toBeLessThanOrEqual(0.125);
    expect(report.periods[0]?.medianHoursToQualify).toBeGreaterThan(19);
    expect(report.periods[0]?.medianHoursToQualify).toBeLessThanOrEqual(bucketUpperHours(bucketOf(24)));
  });
});

describe('counting funnel events', () => {
  it('counts a new contact as a lead once, on the day it was created', async () => {
    const store = new InMemoryFunnelStore();
    store.createdAt.set('c_1', '2026-03-01T23:59:00.000Z');
    expect(await countScoredContact(scored(), store)).toEqual([
      { contactId: 'c_1', key: LEAD_KEY, at: '2026-03-01T23:59:00.000Z', counters: ['leads'] },
    ]);
    expect(await countScoredContact(scored({ scoredAt: '2026-03-06T10:00:00.000Z' }), store)).toEqual([]);
    const [first] = await store.days('2026-03-01', '2026-03-06');
    expect(first).toMatchObject({ day: '2026-03-01', counts: { leads: 1 } });
  });

  it('counts a first score as a new lead without a read, from the creation time the event carries', async () => {
    const store = new InMemoryFunnelStore();
    const first = scored({ firstScore: true, contactCreatedAt: '2026-03-01T23:59:00.000Z' });
    expect(await countScoredContact(first, store)).toEqual([
      { contactId: 'c_1', key: LEAD_KEY, at: '2026-03-01T23:59:00.000Z', counters: ['leads'] },
    ]);
    // Delivered again: the once-only marker refuses it, still without a read.
    expect(await countScoredContact(first, store)).toEqual([]);
    expect(store.reads).toEqual([]);
    const [counted] = await store.days('2026-03-01', '2026-03-06');
    expect(counted).toMatchObject({ day: '2026-03-01', counts: { leads: 1 } });
  });

  it('looks at the marker before counting a later score, and reads what an older event lacks', async () => {
    const store = new InMemoryFunnelStore();
    const rescored = scored({ firstScore: false, contactCreatedAt: '2026-03-01T23:59:00.000Z' });
    expect(await countScoredContact(rescored, store)).toHaveLength(1);
    expect(await countScoredContact(rescored, store)).toEqual([]);
    expect(store.reads).toEqual(['counted', 'counted']);
    const older = new InMemoryFunnelStore();
    older.createdAt.set('c_1', '2026-03-01T23:59:00.000Z');
    expect(await countScoredContact(scored(), older)).toEqual([
      expect.objectContaining({ key: LEAD_KEY, at: '2026-03-01T23:59:00.000Z' }),
    ]);
    expect(older.reads).toEqual(['counted', 'contactCreatedAt']);
  });

  it.each([
    ['review', 'lead', ['recycled', 'reviewsRejected']],
    ['prospect', 'lead', ['recycled']],
    ['review', 'disqualified', ['disqualified', 'reviewsDisqualified']],
    ['lead', 'disqualified', ['disqualified']],
    ['prospect', 'customer', ['customers']],
    ['lead', 'review', []],
    ['review', 'prospect', []],
  ] as const)('counts a move from %s to %s as %j', async (from, to, counters) => {
    const store = new InMemoryFunnelStore();
    await store.count({
      contactId: 'c_1',
      key: LEAD_KEY,
      at: '2026-03-01T00:00:00.000Z',
      counters: ['leads'],
    });
    const counted = await countScoredContact(scored({ previousStage: from, stage: to }), store);
    expect(counted.flatMap((entry) => entry.counters)).toEqual(counters);
  });

  it('counts each review request and qualification once, even when delivered again', async () => {
    const store = new InMemoryFunnelStore();
    const review = {
      version: 1 as const,
      reviewRequestId: 'r_1',
      requestedAt: '2026-03-04T08:00:00.000Z',
      reason: 'r',
      ...handOff,
    };
    expect(await countReviewRequested(review, store)).toHaveLength(1);
    expect(await countReviewRequested(review, store)).toEqual([]);
    const qualification = {
      version: 1 as const,
      qualificationId: 'q_1',
      qualifiedAt: '2026-03-05T10:00:00.000Z',
      qualifiedBy: { kind: 'person' as const, id: 'alice' },
      reason: 'accepted',
      ...handOff,
    };
    const [entry] = await countQualification(qualification, store);
    expect(entry).toMatchObject({ counters: ['prospects', 'prospectsAccepted'], hoursToQualify: 48 });
    expect(await countQualification(qualification, store)).toEqual([]);
    const automatic = await countQualification(
      { ...qualification, qualificationId: 'q_2', qualifiedBy: { kind: 'auto' as const } },
      store,
    );
    expect(automatic[0]?.counters).toEqual(['prospects']);
  });
});
