/** The contacts whose score is due for a re-score, read from an index of them only (never a scan). */
export interface RescoreSchedule {
  /** When the longest overdue contact was due, if any is due at or before `now`. */
  oldestDue(now: string): Promise<string | undefined>;
}
