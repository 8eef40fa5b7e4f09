import type { DigestDay, DigestProspect, DigestStore } from '#shared/digest/digest-store.ts';

/** A fake behind the project's own DigestStore interface; DynamoDB's is proven in the integration tests. */
export class InMemoryDigestStore implements DigestStore {
  readonly seen = new Set<string>();
  readonly days = new Map<string, { leadIds: string[]; prospects: DigestProspect[] }>();
  readonly claimed = new Set<string>();

  async markSeen(contactId: string): Promise<boolean> {
    if (this.seen.has(contactId)) return false;
    this.seen.add(contactId);
    return true;
  }

  async addLead(day: string, contactId: string): Promise<void> {
    const entry = this.entry(day);
    if (!entry.leadIds.includes(contactId)) entry.leadIds.push(contactId);
  }

  async addProspect(day: string, prospect: DigestProspect): Promise<void> {
    const entry = this.entry(day);
    entry.prospects = [...entry.prospects.filter((p) => p.contactId !== prospect.contactId), prospect];
  }

  async day(day: string): Promise<DigestDay> {
    return structuredClone(this.entry(day));
  }

  async claimSending(day: string): Promise<boolean> {
    if (this.claimed.has(day)) return false;
    this.claimed.add(day);
    return true;
  }

  async releaseSending(day: string): Promise<void> {
    this.claimed.delete(day);
  }

  private entry(day: string) {
    let entry = this.days.get(day);
    if (!entry) {
      entry = { leadIds: [], prospects: [] };
      this.days.set(day, entry);
    }
    return entry;
  }
}
