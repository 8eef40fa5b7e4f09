import { RESCORE_DUE_INDEX, REVIEW_QUEUE_INDEX } from '#shared/adapters/dynamodb/indexes.ts';
import { NURTURE_DUE_INDEX } from '#shared/adapters/dynamodb/nurture-keys.ts';

/**
 * The DynamoDB table, described once. The CDK stateful stack and the local runtime both create it
 * from this description, so keys and indexes cannot drift between AWS and a developer's machine.
 */
export interface TableIndex {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  /** Construct id in CDK; also the table name locally (DynamoDB wants 3+ characters). */
  readonly id: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Every key attribute is a string: the single-table keys are composed strings such as `CONTACT#…`. */
  readonly globalSecondaryIndexes: readonly TableIndex[];
  readonly timeToLiveAttribute: string;
}

export const contactsTable: TableDefinition = {
  id: 'Contacts',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    // Sparse: only contacts waiting for a sales review (GET /admin/reviews).
    {
      indexName: REVIEW_QUEUE_INDEX.indexName,
      partitionKey: REVIEW_QUEUE_INDEX.partitionKey,
      sortKey: REVIEW_QUEUE_INDEX.sortKey,
    },
    // Sparse: only contacts whose score is due for a re-score (the scheduled decay job).
    {
      indexName: RESCORE_DUE_INDEX.indexName,
      partitionKey: RESCORE_DUE_INDEX.partitionKey,
      sortKey: RESCORE_DUE_INDEX.sortKey,
    },
    // Sparse: only nurture states with something due carry its keys (see nurture-keys.ts).
    NURTURE_DUE_INDEX,
  ],
  timeToLiveAttribute: 'expiresAt',
};
