import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DigestProspect, DigestStore } from '#shared/digest/digest-store.ts';

const AT = '2026-03-02T09:00:00.000Z';
const DAY = '2026-03-02';

function prospect(contactId: string, score: number): DigestProspect {
  return { contactId, name: 'Ada Example', email: 'ada@example.com', score, qualifiedBy: 'scorer', at: AT };
}

/**
 * What any DigestStore must do, run against the in-memory fake (unit) and the DynamoDB adapter
 * (integration), so the fake the unit tests trust behaves as the table does.
 */
export function digestStoreContract(name: string, newStore: () => Promise<DigestStore>): void {
  describe(`${name} keeps the DigestStore contract`, () => {
    it('sees a contact for the first time once', async () => {
      const store = await newStore();
      const contactId = randomUUID();
      expect(await store.markSeen(contactId, AT)).toBe(true);
      expect(await store.markSeen(contactId, AT)).toBe(false);
      expect(await store.markSeen(randomUUID(), AT)).toBe(true);
    });

    it('lists a lead once per day however often it is added, and keeps days apart', async () => {
      const store = await newStore();
      const contactId = randomUUID();
      await store.addLead(DAY, contactId, AT);
      await store.addLead(DAY, contactId, AT);
      expect((await store.day(DAY)).leadIds).toEqual([contactId]);
      expect((await store.day('2026-03-03')).leadIds).toEqual([]);
    });

    it('keeps the latest entry of a prospect added again (a redelivery)', async () => {
      const store = await newStore();
      const contactId = randomUUID();
      await store.addProspect(DAY, prospect(contactId, 70));
      await store.addProspect(DAY, prospect(contactId, 85));
      expect((await store.day(DAY)).prospects).toEqual([prospect(contactId, 85)]);
    });

    it('lets one sender claim a recipient’s copy, another once it is released or its lease passed, none once sent', async () => {
      const store = await newStore();
      const [first, second] = [randomUUID(), randomUUID()];
      const at = (minute: number) => new Date(Date.parse(AT) + minute * 60_000).toISOString();
      expect(await store.claimSending(DAY, first, at(0), at(1))).toBe(true);
      expect(await store.claimSending(DAY, second, at(0), at(1))).toBe(true);
      expect(await store.claimSending(DAY, first, at(0), at(1))).toBe(false);
      await store.releaseSending(DAY, first);
      expect(await store.claimSending(DAY, first, at(0), at(1))).toBe(true);
      // The run holding it died mid-send: after the lease, a retry takes it over.
      expect(await store.claimSending(DAY, first, at(2), at(3))).toBe(true);
      await store.confirmSent(DAY, second, at(0));
      expect(await store.claimSending(DAY, second, at(30), at(31))).toBe(false);
    });
  });
}
