import type { FollowUp, FollowUpKind } from '#shared/follow-up/follow-up.ts';
import type { FollowUpStore } from '#shared/follow-up/follow-up-store.ts';

/** Follow-ups in a map, with the same version rule as the table. */
export class InMemoryFollowUpStore implements FollowUpStore {
  readonly items = new Map<string, FollowUp>();

  async get(contactId: string, kind: FollowUpKind): Promise<FollowUp | undefined> {
    return this.items.get(`${kind}#${contactId}`);
  }

  async save(followUp: FollowUp): Promise<'saved' | 'conflict'> {
    const key = `${followUp.kind}#${followUp.contactId}`;
    if ((this.items.get(key)?.version ?? 0) !== followUp.version) return 'conflict';
    this.items.set(key, { ...followUp, version: followUp.version + 1 });
    return 'saved';
  }

  async open(): Promise<FollowUp[]> {
    return [...this.items.values()].filter((followUp) => !followUp.closedAt);
  }
}
