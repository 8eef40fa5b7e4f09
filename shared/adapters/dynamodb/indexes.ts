/**
 * The table's sparse global secondary indexes. An item is in an index only while it has the index's
 * key attributes, so each index holds just the contacts it is about and a Query on it costs what it
 * returns, never a scan of the table.
 *
 * Each index has a single partition value: fine up to about 1,000 index writes per second, far above
 * what lead scoring produces; past that, spread the partition value over shards.
 */
export const REVIEW_QUEUE_INDEX = {
  indexName: 'ReviewQueue',
  /** `PENDING` while the contact is in stage `review`; removed when a person decides. */
  partitionKey: 'reviewQueue',
  /** When the review was requested: the queue is served oldest first. */
  sortKey: 'reviewRequestedAt',
  pending: 'PENDING',
} as const;

export const RESCORE_DUE_INDEX = {
  indexName: 'RescoreDue',
  /** `DUE` while the contact's score will move (decay) or a hand-off waits to be announced. */
  partitionKey: 'rescoreDue',
  /** When to re-score: the scheduled job reads the entries due by now, oldest first. */
  sortKey: 'rescoreDueAt',
  due: 'DUE',
} as const;
