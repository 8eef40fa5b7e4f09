/**
 * Which internal notifications went out. A notification is claimed before it is sent, so a
 * redelivered event does not email sales twice; a failed send releases its claim for the retry, and
 * a claim whose invocation died mid-send expires at `leaseUntil`, so the retry takes it over.
 */
export interface NoticeLog {
  /** False when this notice was sent, or is being sent under a lease that has not expired. */
  claim(contactId: string, noticeKey: string, at: string, leaseUntil: string): Promise<boolean>;
  /** The notice went out: its claim never expires. */
  confirm(contactId: string, noticeKey: string, at: string): Promise<void>;
  release(contactId: string, noticeKey: string): Promise<void>;
}
