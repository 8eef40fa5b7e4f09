import {
  CONTACT_LIST_ATTRIBUTES,
  CONTACTS_BY_SCORE_INDEX,
  CONTACTS_BY_UPDATE_INDEX,
} from '#shared/adapters/dynamodb/contact-list-indexes.ts';
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
  /** The sort key's type when it is not a string (a score sorts as a number). */
  readonly sortKeyType?: 'number';
  /**
   * Attributes the index copies besides the keys; absent copies all of them. A short list keeps each
   * index write to one write unit when the items themselves are larger.
   */
  readonly projectedAttributes?: readonly string[];
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

/** What the scheduling indexes' readers take from an entry: which contact is due. */
const SCHEDULE_ATTRIBUTES = ['contactId'];

export const contactsTable: TableDefinition = {
  id: 'Contacts',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    // Sparse: only contacts waiting for a sales review (GET /admin/reviews). All attributes: the queue
    // shows each contact with its explained score, and a contact enters it once per review request.
    {
      indexName: REVIEW_QUEUE_INDEX.indexName,
      partitionKey: REVIEW_QUEUE_INDEX.partitionKey,
      sortKey: REVIEW_QUEUE_INDEX.sortKey,
    },
    // Sparse: only contacts whose score is due for a re-score (the scheduled decay job). The job reads
    // only the contact id and loads the contact itself, so the entry is the id: one write unit
    // whatever the contact's size, and a projection that no score write changes.
    {
      indexName: RESCORE_DUE_INDEX.indexName,
      partitionKey: RESCORE_DUE_INDEX.partitionKey,
      sortKey: RESCORE_DUE_INDEX.sortKey,
      projectedAttributes: SCHEDULE_ATTRIBUTES,
    },
    // Sparse: only nurture states with something due carry its keys (see nurture-keys.ts). The sender
    // too reads only the contact id, then the state itself.
    { ...NURTURE_DUE_INDEX, projectedAttributes: SCHEDULE_ATTRIBUTES },
    // Every contact by stage, most recently updated first (the console's contact list).
    { ...CONTACTS_BY_UPDATE_INDEX, projectedAttributes: CONTACT_LIST_ATTRIBUTES },
    // Scored contacts by stage and score (the console's contact list sorted or filtered by score).
    { ...CONTACTS_BY_SCORE_INDEX, sortKeyType: 'number', projectedAttributes: CONTACT_LIST_ATTRIBUTES },
  ],
  timeToLiveAttribute: 'expiresAt',
};

/**
 * The non-key attributes an index projects: its declared list without the attributes DynamoDB
 * projects anyway (the table's keys and the index's own), which it refuses to see listed again.
 */
export function nonKeyAttributesOf(definition: TableDefinition, index: TableIndex): string[] | undefined {
  if (!index.projectedAttributes) return undefined;
  const keys = new Set([definition.partitionKey, definition.sortKey, index.partitionKey, index.sortKey]);
  return index.projectedAttributes.filter((attribute) => !keys.has(attribute));
}
