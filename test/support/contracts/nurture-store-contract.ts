import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptyNurtureState, type NurtureState } from '#shared/nurture/nurture-state.ts';
import type { NurtureStore } from '#shared/nurture/nurture-store.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');

function activeState(contactId: string, dueAt: string | undefined): NurtureState {
  return { ...emptyNurtureState(contactId), status: 'active', track: 'general', step: 1, dueAt };
}

/**
 * What any NurtureStore must do, run against the in-memory fake (unit) and the DynamoDB adapter
 * (integration). `newStore` gives an empty store each time: `due` lists the whole store.
 */
export function nurtureStoreContract(name: string, newStore: () => Promise<NurtureStore>): void {
  describe(`${name} keeps the NurtureStore contract`, () => {
    it('loads an empty state, version 0, for a contact never mailed', async () => {
      const store = await newStore();
      const contactId = randomUUID();
      expect(await store.load(contactId)).toEqual(emptyNurtureState(contactId));
    });

    it('saves on the version read and refuses a write on a stale one, writing nothing', async () => {
      const store = await newStore();
      const contactId = randomUUID();
      const first = activeState(contactId, '2026-03-03T09:00:00.000Z');
      expect(await store.save(first, 0)).toBe('saved');
      expect(await store.load(contactId)).toMatchObject({ ...first, version: 1 });
      expect(await store.save({ ...first, track: 'newsletter' }, 0)).toBe('conflict');
      expect((await store.load(contactId)).track).toBe('general');
      expect(await store.save({ ...first, step: 2 }, 1)).toBe('saved');
      expect(await store.load(contactId)).toMatchObject({ step: 2, version: 2 });
    });

    it('lists what is due at or before now, oldest first, page by page, and nothing else', async () => {
      const store = await newStore();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      await store.save(activeState(ids[1] ?? '', '2026-03-02T08:30:00.000Z'), 0);
      await store.save(activeState(ids[0] ?? '', '2026-03-01T08:00:00.000Z'), 0);
      await store.save(activeState(ids[2] ?? '', NOW.toISOString()), 0);
      await store.save(activeState(randomUUID(), '2026-03-02T09:00:00.001Z'), 0);
      await store.save(activeState(randomUUID(), undefined), 0);
      const listed: string[] = [];
      let next: string | undefined;
      do {
        const page = await store.due(NOW, 2, next);
        expect(page.contactIds.length).toBeLessThanOrEqual(2);
        listed.push(...page.contactIds);
        next = page.next;
      } while (next);
      expect(listed).toEqual(ids);
    });
  });
}
