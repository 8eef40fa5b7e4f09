/**
 * The single-table layout. Everything about one contact shares its partition, so one Query reads
 * the profile with its history, and one partition key makes a contact's writes easy to reason about.
 *
 *   pk = CONTACT#<contactId>   sk = PROFILE                  the contact
 *                              sk = ACTIVITY#<activityId>    one per recorded activity (idempotency key)
 *                              sk = TRANSITION#<at>#<stage>  each lifecycle change
 *                              sk = EMAIL#<sentAt>#<id>      each email sent
 */
export const contactKey = (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: 'PROFILE' });
export const activityKey = (contactId: string, activityId: string) => ({
  pk: `CONTACT#${contactId}`,
  sk: `ACTIVITY#${activityId}`,
});
export const transitionKey = (contactId: string, at: string, stage: string) => ({
  pk: `CONTACT#${contactId}`,
  sk: `TRANSITION#${at}#${stage}`,
});
export const emailKey = (contactId: string, sentAt: string, messageId: string) => ({
  pk: `CONTACT#${contactId}`,
  sk: `EMAIL#${sentAt}#${messageId}`,
});

export const SK_PREFIX = { activity: 'ACTIVITY#', transition: 'TRANSITION#', email: 'EMAIL#' } as const;
