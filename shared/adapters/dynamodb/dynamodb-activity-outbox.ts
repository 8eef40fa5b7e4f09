import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivityOutbox, AnnouncedActivity } from '#shared/activity/activity-outbox.ts';
import { TableAdapter } from './table-adapter.ts';

/**
 * The outbox partition: one item per activity whose "Contact Activity Recorded" is not yet known to
 * be on the bus, sorted by recording time. One partition value, like the sparse indexes: fine up to
 * about 1,000 writes a second, far above lead scoring's rate; past that, shard the partition value.
 */
export const OUTBOX_PARTITION = 'OUTBOX#ACTIVITY';

/** Entries no relay took for this long are dropped by TTL (the bus archive covers a replay). */
const OUTBOX_TTL_SECONDS = 14 * 86_400;

export const outboxKey = (activity: Pick<AnnouncedActivity, 'recordedAt' | 'activityId'>) => ({
  pk: OUTBOX_PARTITION,
  sk: `${activity.recordedAt}#${activity.activityId}`,
});

/** The outbox entry written in the same transaction as the activity. */
export function outboxItem(activity: AnnouncedActivity): Record<string, unknown> {
  const { activityId, contactId, type, channel, occurredAt, recordedAt } = activity;
  return {
    ...outboxKey(activity),
    entity: 'outbox',
    activityId,
    contactId,
    type,
    channel,
    occurredAt,
    recordedAt,
    expiresAt: Math.floor(Date.parse(recordedAt) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

export class DynamoDbActivityOutbox extends TableAdapter implements ActivityOutbox {
  async unannounced(recordedBefore: string, limit: number): Promise<AnnouncedActivity[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk < :before',
        ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ':before': recordedBefore },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return (page.Items ?? []).map((item) => ({
      activityId: String(item.activityId),
      contactId: String(item.contactId),
      type: item.type as AnnouncedActivity['type'],
      channel: String(item.channel),
      occurredAt: String(item.occurredAt),
      recordedAt: String(item.recordedAt),
    }));
  }
}
