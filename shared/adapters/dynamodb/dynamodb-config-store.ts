import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, ConfigStore } from '#shared/config/config-store.ts';
import type { ConfigVersion } from '#shared/config/config-version.ts';
import { configAuditKey, configCurrentKey, configVersionKey } from './keys.ts';
import { TableAdapter } from './table-adapter.ts';

/**
 * Configuration versions in the contacts table (see keys.ts). The document and its diff are kept
 * as JSON text: any key a document may hold is then valid, and a rollback restores it byte for
 * byte. The current pointer holds a copy of its version, so a function's refresh is one GetItem.
 */
export class DynamoDbConfigStore extends TableAdapter implements ConfigStore {
  async current(kind: string): Promise<ConfigVersion | undefined> {
    return this.get(configCurrentKey(kind));
  }

  async version(kind: string, version: number): Promise<ConfigVersion | undefined> {
    return this.get(configVersionKey(kind, version));
  }

  async history(kind: string, limit: number): Promise<ConfigVersion[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :version)',
        ExpressionAttributeValues: { ':pk': configCurrentKey(kind).pk, ':version': 'VERSION#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(versionFromItem);
  }

  async append(
    kind: string,
    versions: readonly ConfigVersion[],
    expectedCurrent: number | undefined,
  ): Promise<'appended' | 'conflict'> {
    const last = versions.at(-1);
    if (!last) return 'appended';
    const put = (Item: Record<string, unknown>, condition?: object) => ({
      Put: { TableName: this.tableName, Item, ...condition },
    });
    const currentCondition =
      expectedCurrent === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedCurrent },
          };
    const { document: _document, changes, ...entry } = last;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            put({ ...versionItem(last), ...configCurrentKey(kind) }, currentCondition),
            ...versions.map((version) =>
              put(
                { ...versionItem(version), ...configVersionKey(kind, version.version) },
                { ConditionExpression: 'attribute_not_exists(pk)' },
              ),
            ),
            put({
              ...entry,
              ...configAuditKey(last.publishedAt, kind, last.version),
              entity: 'config-audit',
              changeCount: changes.length,
            }),
          ],
        }),
      );
      return 'appended';
    } catch (error) {
      // Another publish moved the pointer or wrote the version first: the caller re-reads.
      if (error instanceof TransactionCanceledException) return 'conflict';
      throw error;
    }
  }

  async audit(limit: number): Promise<AuditEntry[]> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': configAuditKey('', '', 0).pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _entity, ...entry }) => entry as AuditEntry);
  }

  private async get(key: { pk: string; sk: string }): Promise<ConfigVersion | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return Item ? versionFromItem(Item) : undefined;
  }
}

function versionItem(version: ConfigVersion): Record<string, unknown> {
  return {
    ...version,
    entity: 'config-version',
    document: JSON.stringify(version.document),
    changes: JSON.stringify(version.changes),
  };
}

function versionFromItem(item: Record<string, unknown>): ConfigVersion {
  const { pk: _pk, sk: _sk, entity: _entity, document, changes, ...rest } = item;
  return {
    ...(rest as Omit<ConfigVersion, 'document' | 'changes'>),
    document: JSON.parse(String(document)),
    changes: JSON.parse(String(changes)),
  };
}
