/**
 * Nurture's items in the single table (see keys.ts for the contact's own):
 *
 *   pk = CONTACT#<contactId>   sk = NURTURE            the contact's nurture state
 *   pk = SEND_RATE#<second>    sk = SLOT               emails sent in that second, for the send-rate limit
 *   pk = DIGEST#<yyyy-mm-dd>   sk = LEAD#<id> | PROSPECT#<id> | SENT   the daily digest of that UTC day
 *   pk = CONTACT#<contactId>   sk = DIGEST_SEEN        the contact was counted once as a new lead
 *   pk = SENDING#<set>         sk = HOUR#<yyyy-mm-ddThh>   sends, hard bounces, complaints of that hour
 *                              sk = FEEDBACK#<messageId>#<kind>   that feedback was counted (once)
 *                              sk = BREAKER            the reputation breaker of the configuration set
 *
 * The state carries the due-index keys only while something is due, so the index holds exactly the
 * contacts the sender has to look at: a Query, never a Scan, whatever the size of the table.
 */
export const nurtureKey = (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: 'NURTURE' });

/** The sparse global secondary index of due nurture work (declared in infra/tables.ts). */
export const NURTURE_DUE_INDEX = {
  indexName: 'NurtureDue',
  partitionKey: 'nurtureQueue',
  sortKey: 'nurtureDueAt',
} as const;

/**
 * One partition value for the whole queue: a GSI partition takes 1,000 writes a second, far above
 * any SES sending rate, and a single partition keeps "oldest due first" one Query.
 */
export const NURTURE_QUEUE = 'due';

export const sendingHourKey = (configurationSet: string, hour: string) => ({
  pk: `SENDING#${configurationSet}`,
  sk: `HOUR#${hour}`,
});
export const sendingFeedbackKey = (configurationSet: string, messageId: string, kind: string) => ({
  pk: `SENDING#${configurationSet}`,
  sk: `FEEDBACK#${messageId}#${kind}`,
});
export const breakerKey = (configurationSet: string) => ({
  pk: `SENDING#${configurationSet}`,
  sk: 'BREAKER',
});

export const sendRateKey = (epochSecond: number) => ({ pk: `SEND_RATE#${epochSecond}`, sk: 'SLOT' });

export const digestKey = (day: string, kind: 'LEAD' | 'PROSPECT', contactId: string) => ({
  pk: `DIGEST#${day}`,
  sk: `${kind}#${contactId}`,
});
export const digestSentKey = (day: string, recipientKey: string) => ({
  pk: `DIGEST#${day}`,
  sk: `SENT#${recipientKey}`,
});
export const digestSeenKey = (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: 'DIGEST_SEEN' });
