import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { utcDay } from '#shared/digest/record-for-digest.ts';
import { FOLLOW_UP_KINDS } from '#shared/follow-up/follow-up.ts';
import type { NurtureState, Suppression } from '#shared/nurture/nurture-state.ts';
import type {
  ContactDataExport,
  ContactDataStore,
  ErasureOutcome,
} from '#shared/privacy/contact-data-store.ts';
import { readContactPartition } from './contact-partition.ts';
import { outboxKey } from './dynamodb-activity-outbox.ts';
import { followUpKey } from './dynamodb-follow-up-store.ts';
import { RESCORE_DUE_INDEX, REVIEW_QUEUE_INDEX } from './indexes.ts';
import { SK_PREFIX } from './keys.ts';
import { digestKey, NURTURE_DUE_INDEX, nurtureKey } from './nurture-keys.ts';
import { TableAdapter } from './table-adapter.ts';

/** BatchWriteItem takes at most 25 requests. */
const BATCH_SIZE = 25;
const MAX_UNPROCESSED_ROUNDS = 8;

/** Storage attributes that say nothing about the person: left out of an export. */
const STORAGE_ATTRIBUTES = new Set([
  'pk',
  'sk',
  REVIEW_QUEUE_INDEX.partitionKey,
  RESCORE_DUE_INDEX.partitionKey,
  RESCORE_DUE_INDEX.sortKey,
  NURTURE_DUE_INDEX.partitionKey,
  NURTURE_DUE_INDEX.sortKey,
]);

type Item = Record<string, unknown>;

/**
 * A contact's data on the single table: its partition (profile, activities, transitions, emails,
 * nurture state, notices, digest marker), its entries in the daily digest's partitions and its
 * follow-ups (deadline, owner) in the follow-ups partition. Index entries go with the items they
 * belong to.
 */
export class DynamoDbContactData extends TableAdapter implements ContactDataStore {
  async exportData(contactId: string): Promise<ContactDataExport | undefined> {
    const items = await readContactPartition(this.client, this.tableName, contactId);
    const profile = items.find((item) => item.sk === 'PROFILE');
    if (!profile) return undefined;
    const withPrefix = (prefix: string) =>
      items.filter((item) => String(item.sk).startsWith(prefix)).map(withoutStorage);
    const grouped = new Set([
      profile,
      ...items.filter((item) => item.sk === 'NURTURE'),
      ...items.filter((item) =>
        Object.values(SK_PREFIX).some((prefix) => String(item.sk).startsWith(prefix)),
      ),
    ]);
    const nurture = items.find((item) => item.sk === 'NURTURE');
    return {
      contactId,
      profile: withoutStorage(profile),
      activities: withPrefix(SK_PREFIX.activity),
      transitions: withPrefix(SK_PREFIX.transition),
      emails: withPrefix(SK_PREFIX.email),
      ...(nurture ? { nurture: withoutStorage(nurture) } : {}),
      other: items.filter((item) => !grouped.has(item)).map(withoutStorage),
    };
  }

  async erase(
    contactId: string,
    at: string,
    suppressionAfter: (existing: Suppression | undefined, at: string) => Suppression,
  ): Promise<ErasureOutcome> {
    const items = await readContactPartition(this.client, this.tableName, contactId);
    const nurture = items.find((item) => item.sk === 'NURTURE');
    const rest = items.filter((item) => item !== nurture);
    const erasedBefore = typeof nurture?.erasedAt === 'string' ? nurture.erasedAt : undefined;
    // Follow-ups live outside the partition: a repeated erasure deletes them too, so one opened
    // by a hand-off event that raced the first erasure does not outlive the contact.
    const followUps = FOLLOW_UP_KINDS.map((kind) => followUpKey(contactId, kind));
    if (rest.length === 0) {
      if (!erasedBefore) return { outcome: 'not-found' };
      await this.deleteAll(followUps);
      return { outcome: 'already-erased', erasedAt: erasedBefore };
    }
    const erasedAt = erasedBefore ?? at;
    // The suppression is written first, so the address is never unsuppressed, even for a moment.
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: tombstone(
          contactId,
          erasedAt,
          Number(nurture?.version ?? 0),
          suppressionAfter(suppressionOf(nurture), at),
        ),
      }),
    );
    const keys = [
      ...rest.map((item) => ({ pk: item.pk, sk: item.sk })),
      ...rest
        .filter((item) => item.entity === 'activity')
        .map((item) =>
          outboxKey({ recordedAt: String(item.recordedAt), activityId: String(item.activityId) }),
        ),
      ...digestDays(rest).flatMap((day) => [
        digestKey(day, 'LEAD', contactId),
        digestKey(day, 'PROSPECT', contactId),
      ]),
      ...followUps,
    ];
    for (let start = 0; start < keys.length; start += BATCH_SIZE) {
      await this.deleteAll(keys.slice(start, start + BATCH_SIZE));
    }
    return erasedBefore ? { outcome: 'already-erased', erasedAt } : { outcome: 'erased', erasedAt };
  }

  /** Deletes up to 25 keys, retrying what DynamoDB leaves unprocessed under throttling. */
  private async deleteAll(keys: readonly Item[]): Promise<void> {
    let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
    for (let round = 0; requests.length > 0; round += 1) {
      if (round === MAX_UNPROCESSED_ROUNDS)
        throw new Error('Some items could not be erased; retry the erasure.');
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** round));
      const result = await this.client.send(
        new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
      );
      requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
    }
  }
}

/**
 * The one item an erasure leaves: a nurture state that says "suppressed", under a key derived from
 * a hash of the address. Nurture reads it like any state, so a contact who comes back is never mailed.
 */
function tombstone(contactId: string, erasedAt: string, version: number, suppression: Suppression): Item {
  const state: Omit<NurtureState, 'contactId' | 'version' | 'step'> = {
    status: 'stopped',
    stopReason: suppression.reason,
    suppression,
    completedTracks: [],
    unsubscribedTopics: [],
    recentSends: [],
  };
  return {
    ...nurtureKey(contactId),
    entity: 'nurture',
    contactId,
    version: version + 1,
    step: 0,
    ...state,
    erasedAt,
  };
}

function suppressionOf(nurture: Item | undefined): Suppression | undefined {
  return nurture?.suppression as Suppression | undefined;
}

/** The UTC days whose digest may list the contact: when it was first seen, and when its stage moved. */
function digestDays(items: readonly Item[]): string[] {
  const times = items.flatMap((item) => {
    if (item.sk === 'DIGEST_SEEN') return [item.at];
    if (String(item.sk).startsWith(SK_PREFIX.transition)) return [item.at];
    if (item.sk === 'PROFILE') return [(item.qualification as Item | undefined)?.qualifiedAt];
    return [];
  });
  return [...new Set(times.filter((time): time is string => typeof time === 'string').map(utcDay))];
}

function withoutStorage(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name)));
}
