/**
 * The single-table layout. Everything about one contact shares its partition, so one Query reads
 * the profile with its history, and one partition key makes a contact's writes easy to reason about.
 *
 *   pk = CONTACT#<contactId>   sk = PROFILE                  the contact
 *                              sk = ACTIVITY#<activityId>    one per recorded activity (idempotency key)
 *                              sk = TRANSITION#<at>#<stage>  each lifecycle change
 *                              sk = EMAIL#<sentAt>#<id>      each email sent
 *
 *   pk = CONFIG#<kind>             sk = VERSION#<n, 10 digits>   each published version of a document
 *                              sk = CURRENT                  a copy of the version in force (one read)
 *   pk = CONFIG-AUDIT              sk = <at>#<kind>#<n>          every publish and rollback
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

export const configCurrentKey = (kind: string) => ({ pk: `CONFIG#${kind}`, sk: 'CURRENT' });
export const configVersionKey = (kind: string, version: number) => ({
  pk: `CONFIG#${kind}`,
  sk: `VERSION#${String(version).padStart(10, '0')}`,
});
export const configAuditKey = (at: string, kind: string, version: number) => ({
  pk: 'CONFIG-AUDIT',
  sk: `${at}#${kind}#${version}`,
});

export const SK_PREFIX = { activity: 'ACTIVITY#', transition: 'TRANSITION#', email: 'EMAIL#' } as const;
