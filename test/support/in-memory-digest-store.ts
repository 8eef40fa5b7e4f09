import type { DigestDay, DigestProspect, DigestStore } from '#shared/digest/digest-store.ts';

/** A fake behind the project's own DigestStore interface; DynamoDB's is proven in the integration tests. */
export class InMemoryDigestStore implements DigestStore {
  readonly seen = new Set<string>();
  readonly days = new Map<string, { leadIds: string[]; prospects: DigestProspect[] }>();

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

  /** Each recipient's claim by `day#recipient`: sent, or leased until a time. */
  readonly claims = new Map<string, { sentAt?: string; leaseUntil?: string }>();

  async claimSending(day: string, recipientKey: string, at: string, leaseUntil: string): Promise<boolean> {
    const held = this.claims.get(`${day}#${recipientKey}`);
    if (held && (held.sentAt || (held.leaseUntil ?? '') >= at)) return false;
    this.claims.set(`${day}#${recipientKey}`, { leaseUntil });
    return true;
  }

  async confirmSent(day: string, recipientKey: string, at: string): Promise<void> {
    this.claims.set(`${day}#${recipientKey}`, { sentAt: at });
  }

  async releaseSending(day: string, recipientKey: string): Promise<void> {
    this.claims.delete(`${day}#${recipientKey}`);
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
