import { FUNNEL_COUNTERS, type FunnelCounts, type FunnelDay, zeroCounts } from './funnel-counters.ts';
import { medianHours } from './time-to-qualify.ts';

export const FUNNEL_INTERVALS = ['day', 'week', 'month'] as const;
export type FunnelInterval = (typeof FUNNEL_INTERVALS)[number];

/** Rates between stages over a period; null where the base is zero (no rate, rather than 0 %). */
export interface FunnelConversion {
  /** Reviews requested per new lead. */
  readonly leadToReview: number | null;
  /** Prospects per new lead, whichever way they qualified. */
  readonly leadToProspect: number | null;
  /** Of the reviews people decided, the share they accepted. */
  readonly reviewAcceptance: number | null;
}

export interface FunnelPeriod {
  /** First day of the period (`YYYY-MM-DD`): the day, the Monday of the week, the 1st of the month. */
  readonly start: string;
  readonly counts: FunnelCounts;
  readonly conversion: FunnelConversion;
  readonly medianHoursToQualify: number | null;
}

export interface FunnelReport {
  readonly from: string;
  readonly to: string;
  readonly interval: FunnelInterval;
  /** Days are UTC days. */
  readonly timeZone: 'UTC';
  /** Every period of the range, empty ones included, oldest first. */
  readonly periods: readonly FunnelPeriod[];
  readonly totals: FunnelCounts;
  readonly conversion: FunnelConversion;
  readonly timeToQualify: {
    /** Qualifications whose time is known. */
    readonly qualified: number;
    /** Within 12.5 % (see time-to-qualify.ts); null without qualifications. */
    readonly medianHours: number | null;
  };
}

const DAY_MS = 86_400_000;

/**
 * The funnel over a range of days, by day, week (ISO, from Monday) or month: what entered each stage,
 * the conversion rates between stages, and the median time to qualify. Flow rates: each is the
 * period's count of the later stage over its count of the earlier one, as a dashboard reads them.
 */
export function funnelReport(
  days: readonly FunnelDay[],
  range: { readonly from: string; readonly to: string; readonly interval: FunnelInterval },
): FunnelReport {
  const periods = new Map<string, { counts: Record<string, number>; histogram: Record<number, number> }>();
  for (const start of periodStarts(range.from, range.to, range.interval)) {
    periods.set(start, { counts: zeroCounts(), histogram: {} });
  }
  const totals = { counts: zeroCounts() as Record<string, number>, histogram: {} as Record<number, number> };
  for (const day of days) {
    if (day.day < range.from || day.day > range.to) continue;
    const period = periods.get(periodStart(day.day, range.interval));
    for (const target of period ? [period, totals] : [totals]) add(target, day);
  }
  return {
    from: range.from,
    to: range.to,
    interval: range.interval,
    timeZone: 'UTC',
    periods: [...periods].map(([start, period]) => ({
      start,
      counts: period.counts as FunnelCounts,
      conversion: conversionOf(period.counts as FunnelCounts),
      medianHoursToQualify: rounded(medianHours(period.histogram)),
    })),
    totals: totals.counts as FunnelCounts,
    conversion: conversionOf(totals.counts as FunnelCounts),
    timeToQualify: {
      qualified: Object.values(totals.histogram).reduce((sum, count) => sum + count, 0),
      medianHours: rounded(medianHours(totals.histogram)),
    },
  };
}

function add(target: { counts: Record<string, number>; histogram: Record<number, number> }, day: FunnelDay) {
  for (const counter of FUNNEL_COUNTERS)
    target.counts[counter] = (target.counts[counter] ?? 0) + day.counts[counter];
  for (const [bucket, count] of Object.entries(day.hoursToQualify)) {
    target.histogram[Number(bucket)] = (target.histogram[Number(bucket)] ?? 0) + count;
  }
}

function conversionOf(counts: FunnelCounts): FunnelConversion {
  const decided = counts.prospectsAccepted + counts.reviewsRejected + counts.reviewsDisqualified;
  return {
    leadToReview: ratio(counts.reviews, counts.leads),
    leadToProspect: ratio(counts.prospects, counts.leads),
    reviewAcceptance: ratio(counts.prospectsAccepted, decided),
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function rounded(hours: number | undefined): number | null {
  return hours === undefined ? null : Math.round(hours * 10) / 10;
}

/** The first day of the period holding `day`. */
export function periodStart(day: string, interval: FunnelInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function periodStarts(from: string, to: string, interval: FunnelInterval): string[] {
  const starts: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    const start = periodStart(new Date(time).toISOString().slice(0, 10), interval);
    if (starts.at(-1) !== start) starts.push(start);
  }
  return starts;
}
