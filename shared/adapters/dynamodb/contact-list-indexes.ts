/**
 * The two indexes behind the console's contact list (`GET /admin/contacts/search`). Both are keyed on
 * the contact's `stage`, so a filter on stage reads one index partition, and they differ in their sort
 * key: the last update (every profile has one, so every contact is listed) or the score total (written
 * with each score, so a contact appears there once it has been scored).
 *
 * They project only what a list row shows and what its filters read, so an index write stays under
 * 1 KB whatever the contact's history; the full contact is one GetItem away.
 */
export const CONTACTS_BY_UPDATE_INDEX = {
  indexName: 'ContactsByStageAndUpdate',
  partitionKey: 'stage',
  sortKey: 'updatedAt',
} as const;

export const CONTACTS_BY_SCORE_INDEX = {
  indexName: 'ContactsByStageAndScore',
  partitionKey: 'stage',
  /** A number: the score total, written beside the score map so that DynamoDB can sort and range on it. */
  sortKey: 'scoreTotal',
} as const;

/** Written with each score: the grade shown in a list row. */
export const SCORE_GRADE_ATTRIBUTE = 'scoreGrade';
/** Written with each score: the normalized text a list search matches (see contactSearchText). */
export const SEARCH_TEXT_ATTRIBUTE = 'searchText';

/** What a list row shows and what its filters read; the index keys and table keys come with every entry. */
export const CONTACT_LIST_ATTRIBUTES = [
  'contactId',
  'email',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'country',
  'createdAt',
  'updatedAt',
  'scoreTotal',
  SCORE_GRADE_ATTRIBUTE,
  SEARCH_TEXT_ATTRIBUTE,
] as const;
