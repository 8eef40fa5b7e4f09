/**
 * Which internal notifications went out. A notification is claimed before it is sent, so a
 * redelivered event does not email sales twice; a failed send releases its claim for the retry.
 */
export interface NoticeLog {
  /** False when this notice was already claimed (sent, or being sent). */
  claim(contactId: string, noticeKey: string, at: string): Promise<boolean>;
  release(contactId: string, noticeKey: string): Promise<void>;
}
