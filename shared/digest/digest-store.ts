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
  /**
   * Claims the day's digest for one recipient (a hash of the address) so it is sent once; false
   * when it was sent, or is being sent under a lease that has not expired.
   */
  claimSending(day: string, recipientKey: string, at: string, leaseUntil: string): Promise<boolean>;
  /** The digest went out to this recipient: the claim never expires. */
  confirmSent(day: string, recipientKey: string, at: string): Promise<void>;
  releaseSending(day: string, recipientKey: string): Promise<void>;
}
