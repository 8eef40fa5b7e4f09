import { describe, expect, it } from 'vitest';
import { createTableInput } from '#infra/local/dynamodb/ensure-table.ts';
import { contactsTable, type TableDefinition } from '#infra/tables.ts';

describe('createTableInput', () => {
  it('creates the contacts table with its declared keys, on demand', () => {
    const input = createTableInput(contactsTable, 'leadflow-contacts');
    expect(input).toMatchObject({
      TableName: 'leadflow-contacts',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: contactsTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: contactsTable.sortKey, KeyType: 'RANGE' },
      ],
    });
    expect(input.GlobalSecondaryIndexes ?? []).toHaveLength(contactsTable.globalSecondaryIndexes.length);
  });

  it('leaves GlobalSecondaryIndexes out when there are none (DynamoDB rejects an empty list)', () => {
    const input = createTableInput({ ...contactsTable, globalSecondaryIndexes: [] }, 'leadflow-contacts');
    expect(input).not.toHaveProperty('GlobalSecondaryIndexes');
    expect(input.AttributeDefinitions).toEqual([
      { AttributeName: contactsTable.partitionKey, AttributeType: 'S' },
      { AttributeName: contactsTable.sortKey, AttributeType: 'S' },
    ]);
  });

  it('declares each index with all attributes projected, and each key attribute once', () => {
    const definition: TableDefinition = {
      id: 'T',
      partitionKey: 'pk',
      sortKey: 'sk',
      globalSecondaryIndexes: [
        { indexName: 'byEmail', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
        { indexName: 'byStage', partitionKey: 'gsi2pk', sortKey: 'sk' },
      ],
      timeToLiveAttribute: 'expiresAt',
    };
    const input = createTableInput(definition, 'local-t');
    expect(input.AttributeDefinitions?.map((attribute) => attribute.AttributeName)).toEqual([
      'pk',
      'sk',
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
    ]);
    expect(input.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'byEmail',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'byStage',
        KeySchema: [
          { AttributeName: 'gsi2pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });
});
