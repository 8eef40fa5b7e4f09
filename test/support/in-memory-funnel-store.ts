import {
  FUNNEL_COUNTERS,
  type FunnelDay,
  type FunnelEntry,
  zeroCounts,
} from '#shared/funnel/funnel-counters.ts';
import type { FunnelStore } from '#shared/funnel/funnel-store.ts';
import { bucketOf } from '#shared/funnel/time-to-qualify.ts';

/** The funnel in memory, counting each key once per contact like the DynamoDB store's markers. */
export class InMemoryFunnelStore implements FunnelStore {
  readonly markers = new Set<string>();
  readonly createdAt = new Map<string, string>();
  /** Every read counting asked for (`counted`, `contactCreatedAt`): what a test counts to hold reads down. */
  readonly reads: string[] = [];
  private readonly byDay = new Map<
    string,
    { counts: Record<string, number>; hoursToQualify: Record<number, number> }
  >();

  async count(entry: FunnelEntry): Promise<'counted' | 'duplicate'> {
    const marker = `${entry.contactId}/${entry.key}`;
    if (this.markers.has(marker)) return 'duplicate';
    this.markers.add(marker);
    const day = entry.at.slice(0, 10);
    const sums = this.byDay.get(day) ?? {
      counts: zeroCounts(),
      hoursToQualify: {} as Record<number, number>,
    };
    for (const counter of entry.counters) sums.counts[counter] = (sums.counts[counter] ?? 0) + 1;
    if (entry.hoursToQualify !== undefined) {
      const bucket = bucketOf(entry.hoursToQualify);
      sums.hoursToQualify[bucket] = (sums.hoursToQualify[bucket] ?? 0) + 1;
    }
    this.byDay.set(day, sums);
    return 'counted';
  }

  async counted(contactId: string, key: string): Promise<boolean> {
    this.reads.push('counted');
    return this.markers.has(`${contactId}/${key}`);
  }

  async contactCreatedAt(contactId: string): Promise<string | undefined> {
    this.reads.push('contactCreatedAt');
    return this.createdAt.get(contactId);
  }

  async days(from: string, to: string): Promise<FunnelDay[]> {
    return [...this.byDay]
      .filter(([day]) => day >= from && day <= to)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, sums]) => ({
        day,
        counts: Object.fromEntries(
          FUNNEL_COUNTERS.map((c) => [c, sums.counts[c] ?? 0]),
        ) as FunnelDay['counts'],
        hoursToQualify: { ...sums.hoursToQualify },
      }));
  }
}
