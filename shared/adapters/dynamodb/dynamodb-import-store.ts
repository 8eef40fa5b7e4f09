import { TransactGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { activityRetentionDays } from '#shared/activity/retention.ts';
import type { ImportStore } from '#shared/import/import-store.ts';
import type { ImportWrite, StoredForImport } from '#shared/import/plan-import-row.ts';
import { activityItem, PROFILE_FIELDS, transitionItem } from './contact-item.ts';
import { nurtureItem, nurtureStateFromItem } from './dynamodb-nurture-store.ts';
import { RESCORE_DUE_INDEX, REVIEW_QUEUE_INDEX } from './indexes.ts';
import { contactKey } from './keys.ts';
import { nurtureKey } from './nurture-keys.ts';
import { TableAdapter } from './table-adapter.ts';
import { transactConditionally } from './transaction.ts';
import { UpdateExpressionBuilder } from './update-expression.ts';

/** pk = CONTACT#<contactId>, sk = IMPORTED#<rowId>: a row of an import file was applied to the contact. */
export const importedRowKey = (contactId: string, rowId: string) => ({
  pk: `CONTACT#${contactId}`,
  sk: `IMPORTED#${rowId}`,
});

/** The import's reads and writes on the single table (keys.ts, nurture-keys.ts). */
export class DynamoDbImportStore extends TableAdapter implements ImportStore {
  private readonly retentionDays = activityRetentionDays();

  async read(contactId: string, rowId: string): Promise<StoredForImport> {
    const { Responses = [] } = await this.client.send(
      new TransactGetCommand({
        TransactItems: [
          {
            Get: {
              TableName: this.tableName,
              Key: contactKey(contactId),
              ProjectionExpression: 'version, stage, consent',
            },
          },
          { Get: { TableName: this.tableName, Key: nurtureKey(contactId) } },
          {
            Get: {
              TableName: this.tableName,
              Key: importedRowKey(contactId, rowId),
              ProjectionExpression: 'pk',
            },
          },
        ],
      }),
    );
    const [profile, nurture, seen] = Responses.map((response) => response?.Item);
    return {
      ...(profile
        ? {
            contact: {
              version: Number(profile.version ?? 0),
              stage: profile.stage,
              consent: profile.consent,
            },
          }
        : {}),
      nurture: nurtureStateFromItem(contactId, nurture),
      ...(typeof nurture?.erasedAt === 'string' ? { erasedAt: nurture.erasedAt } : {}),
      rowSeen: seen !== undefined,
    };
  }

  async write(write: ImportWrite): Promise<'saved' | 'conflict'> {
    const { contactId, at } = write;
    const update = new UpdateExpressionBuilder()
      .set('entity', 'contact')
      .set('contactId', contactId)
      .set('email', write.contact.email)
      .set('updatedAt', at)
      .setIfAbsent('createdAt', at)
      .set('consent', write.contact.consent)
      .setIfAbsent('firstTouch', write.contact.firstTouch)
      .set('importedAt', write.contact.importedAt)
      // On the re-score schedule at once: the import scores it now, and if that fails the scheduled
      // re-score does, so no imported contact stays unscored.
      .set(RESCORE_DUE_INDEX.partitionKey, RESCORE_DUE_INDEX.due)
      .set(RESCORE_DUE_INDEX.sortKey, at)
      .add('version', 1);
    if (write.contact.stage) {
      update.set('stage', write.contact.stage);
      if (write.transition?.from === 'review') {
        update.remove('review').remove(REVIEW_QUEUE_INDEX.partitionKey).remove(REVIEW_QUEUE_INDEX.sortKey);
      }
    } else update.setIfAbsent('stage', 'lead');
    for (const field of PROFILE_FIELDS) update.set(field, write.contact.profile[field]);
    const condition =
      write.expectedVersion === undefined
        ? 'attribute_not_exists(pk)'
        : `${update.name('version')} = ${update.value(write.expectedVersion)}`;
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: this.tableName,
          Key: contactKey(contactId),
          UpdateExpression: update.expression(),
          ConditionExpression: condition,
          ExpressionAttributeNames: update.names,
          ExpressionAttributeValues: update.values,
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...importedRowKey(contactId, write.rowId),
            entity: 'imported-row',
            importId: write.importId,
            at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    for (const activity of write.activities) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: activityItem(activity, this.retentionDays),
        },
      });
    }
    if (write.transition) {
      items.push({ Put: { TableName: this.tableName, Item: transitionItem(contactId, write.transition) } });
    }
    if (write.nurture) {
      const { state, expectedVersion } = write.nurture;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: nurtureItem(state, expectedVersion + 1),
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        },
      });
    }
    return this.transact(new TransactWriteCommand({ TransactItems: items }));
  }

  /** Any failed condition is a lost race (or the row imported meanwhile): re-read and re-plan. */
  private transact(command: TransactWriteCommand): Promise<'saved' | 'conflict'> {
    return transactConditionally(this.client, command, (codes) => codes.includes('ConditionalCheckFailed'));
  }
}
