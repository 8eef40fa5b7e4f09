import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FunnelEntry } from '#shared/funnel/funnel-counters.ts';
import type { FunnelStore } from '#shared/funnel/funnel-store.ts';
import { bucketOf } from '#shared/funnel/time-to-qualify.ts';

/**
 * What every FunnelStore keeps, the in-memory fake of the unit tests and the DynamoDB adapter alike:
 * each fact counted once on its day, and days read back as a bounded range, oldest first. (Where a
 * contact's creation time comes from is the contact repository's write, so it is not part of this.)
 */
export function funnelStoreContract(name: string, newStore: () => Promise<FunnelStore>): void {
  const entry = (
    contactId: string,
    key: string,
    at: string,
    extra: Partial<FunnelEntry> = {},
  ): FunnelEntry => ({
    contactId,
    key,
    at,
    counters: ['leads'],
    ...extra,
  });

  describe(`${name} keeps the funnel store's contract`, () => {
    it('counts a fact once, and says so when it comes again', async () => {
      const store = await newStore();
      const contactId = randomUUID();
      expect(await store.counted(contactId, 'lead')).toBe(false);
      expect(await store.count(entry(contactId, 'lead', '2026-03-02T09:00:00.000Z'))).toBe('counted');
      expect(await store.count(entry(contactId, 'lead', '2026-03-02T09:00:00.000Z'))).toBe('duplicate');
      expect(await store.counted(contactId, 'lead')).toBe(true);
      const [day] = await store.days('2026-03-02', '2026-03-02');
      expect(day?.counts.leads).toBe(1);
    });

    it("sums every contact's facts on their day and returns only the days asked for, oldest first", async () => {
      const store = await newStore();
      const [ada, grace, alan] = [randomUUID(), randomUUID(), randomUUID()];
      await store.count(entry(ada, 'lead', '2026-03-01T23:59:59.000Z'));
      await store.count(entry(grace, 'lead', '2026-03-02T00:00:00.000Z'));
      await store.count(entry(alan, 'lead', '2026-03-02T12:00:00.000Z'));
      await store.count(
        entry(ada, 'qualification#q1', '2026-03-02T15:00:00.000Z', {
          counters: ['prospects'],
          hoursToQualify: 40,
        }),
      );
      await store.count(entry(grace, 'lead', '2026-03-05T08:00:00.000Z'));
      const days = await store.days('2026-03-01', '2026-03-04');
      expect(days.map((day) => day.day)).toEqual(['2026-03-01', '2026-03-02']);
      expect(days[0]?.counts.leads).toBe(1);
      expect(days[1]?.counts.leads).toBe(2);
      expect(days[1]?.counts.prospects).toBe(1);
      expect(days[1]?.counts.reviews).toBe(0);
      expect(days[1]?.hoursToQualify).toEqual({ [bucketOf(40)]: 1 });
    });
  });
}
