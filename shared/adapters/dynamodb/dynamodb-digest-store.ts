import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DigestDay, DigestProspect, DigestStore } from '#shared/digest/digest-store.ts';
import { claimWithLease, confirmClaim } from './leased-claim.ts';
import { digestKey, digestSeenKey, digestSentKey } from './nurture-keys.ts';
import { TableAdapter } from './table-adapter.ts';

/** Digest entries are only read the next morning; TTL removes them after a month. */
const DIGEST_TTL_SECONDS = 35 * 86_400;

/** The digest store on the contacts table (layout in nurture-keys.ts). */
export class DynamoDbDigestStore extends TableAdapter implements DigestStore {
  markSeen(contactId: string, at: string): Promise<boolean> {
    return this.putOnce({ ...digestSeenKey(contactId), entity: 'digest-seen', at });
  }

  async addLead(day: string, contactId: string, at: string): Promise<void> {
    await this.put({
      ...digestKey(day, 'LEAD', contactId),
      entity: 'digest-lead',
      contactId,
      at,
      expiresAt: expiry(at),
    });
  }

  async addProspect(day: string, prospect: DigestProspect): Promise<void> {
    await this.put({
      ...digestKey(day, 'PROSPECT', prospect.contactId),
      entity: 'digest-prospect',
      ...prospect,
      expiresAt: expiry(prospect.at),
    });
  }

  async day(day: string): Promise<DigestDay> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': digestKey(day, 'LEAD', '').pk },
    });
    return {
      leadIds: items.filter((item) => item.entity === 'digest-lead').map((item) => String(item.contactId)),
      prospects: items
        .filter((item) => item.entity === 'digest-prospect')
        .map(
          ({ pk: _pk, sk: _sk, entity: _entity, expiresAt: _expiresAt, ...prospect }) =>
            prospect as unknown as DigestProspect,
        ),
    };
  }

  /** Leased (see leased-claim.ts): a run killed mid-send is taken over once its lease passed. */
  claimSending(day: string, recipientKey: string, at: string, leaseUntil: string): Promise<boolean> {
    const item = { ...digestSentKey(day, recipientKey), entity: 'digest-sent', at, expiresAt: expiry(at) };
    return claimWithLease(this.client, this.tableName, item, at, leaseUntil);
  }

  confirmSent(day: string, recipientKey: string, at: string): Promise<void> {
    return confirmClaim(this.client, this.tableName, digestSentKey(day, recipientKey), at);
  }

  async releaseSending(day: string, recipientKey: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: digestSentKey(day, recipientKey) }),
    );
  }

  private async put(item: Record<string, unknown>): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  private async putOnce(item: Record<string, unknown>): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

function expiry(at: string): number {
  return Math.floor(new Date(at).getTime() / 1000) + DIGEST_TTL_SECONDS;
}
