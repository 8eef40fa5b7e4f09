import type { FunnelDay, FunnelEntry } from './funnel-counters.ts';

/** Where the funnel's daily counts live, written once per fact, read a bounded range of days at a time. */
export interface FunnelStore {
  /** Counts the entry on its day, unless its key was counted before (then `duplicate`, nothing written). */
  count(entry: FunnelEntry): Promise<'counted' | 'duplicate'>;
  /** Whether the contact's fact with this key was counted already (a cheap look before `count`). */
  counted(contactId: string, key: string): Promise<boolean>;
  /** When the contact was created, to count a new lead on its real day. */
  contactCreatedAt(contactId: string): Promise<string | undefined>;
  /** The days from `from` to `to` (`YYYY-MM-DD`, inclusive) that have counts, oldest first. */
  days(from: string, to: string): Promise<FunnelDay[]>;
}
