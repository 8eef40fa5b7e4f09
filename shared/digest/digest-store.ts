/** A prospect as the digest lists it, taken from its "Prospect Qualified" event. */
export interface DigestProspect {
  readonly contactId: string;
  readonly name: string;
  readonly company?: string;
  readonly email: string;
  readonly score: number;
  readonly qualifiedBy: string;
  readonly at: string;
}

export interface DigestDay {
  readonly leadIds: readonly string[];
  readonly prospects: readonly DigestProspect[];
}

/**
 * What the daily digest needs, collected as events happen so sending it is one Query per day rather
 * than a scan of every contact.
 */
export interface DigestStore {
  /** True the first time a contact is seen, so a lead is listed once, on the day it arrived. */
  markSeen(contactId: string, at: string): Promise<boolean>;
  addLead(day: string, contactId: string, at: string): Promise<void>;
  addProspect(day: string, prospect: DigestProspect): Promise<void>;
  day(day: string): Promise<DigestDay>;
  /** Claims the day's digest so it is sent once; false when it was already claimed. */
  claimSending(day: string, at: string): Promise<boolean>;
  releaseSending(day: string): Promise<void>;
}
