/** The contacts whose score is due for a re-score, read from an index of them only (never a scan). */
export interface RescoreSchedule {
  /** Ids of up to `limit` contacts due at or before `now`, the longest overdue first. */
  due(now: string, limit: number): Promise<string[]>;
}
