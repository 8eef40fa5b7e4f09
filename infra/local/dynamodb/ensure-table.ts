import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type Projection,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { nonKeyAttributesOf, type TableDefinition, type TableIndex } from '#infra/tables.ts';

/**
 * CreateTable input for a table definition: the same keys and indexes the CDK stateful stack
 * declares (keys are strings unless an index says its sort key is a number; indexes project all
 * attributes unless they list theirs; on-demand billing).
 */
export function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const keyNames = [
    definition.partitionKey,
    definition.sortKey,
    ...definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const numeric = new Set(
    definition.globalSecondaryIndexes.filter((index) => index.sortKeyType === 'number').map((i) => i.sortKey),
  );
  const attributeDefinitions: AttributeDefinition[] = [...new Set(keyNames)].map((name) => ({
    AttributeName: name,
    AttributeType: numeric.has(name) ? 'N' : 'S',
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions,
    KeySchema: [
      { AttributeName: definition.partitionKey, KeyType: 'HASH' },
      { AttributeName: definition.sortKey, KeyType: 'RANGE' },
    ],
    ...(definition.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: projectionOf(definition, index),
          })),
        }
      : {}),
  };
}

function projectionOf(definition: TableDefinition, index: TableIndex): Projection {
  const nonKeyAttributes = nonKeyAttributesOf(definition, index);
  return nonKeyAttributes
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: nonKeyAttributes }
    : { ProjectionType: 'ALL' };
}

export type EnsureTableOutcome = 'created' | 'existing' | 'updated';

/**
 * Makes the local table match its definition: creates it on a fresh database, and on a kept one adds
 * indexes declared since it was created and switches TTL on. A changed primary key cannot be migrated
 * in place, so that case stops the start with the way out (`--fresh`).
 */
export async function ensureTable(
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
): Promise<EnsureTableOutcome> {
  const existing = await describeTable(client, tableName);
  let outcome: EnsureTableOutcome = 'existing';
  if (!existing) {
    await client.send(new CreateTableCommand(createTableInput(definition, tableName)));
    outcome = 'created';
  } else {
    assertSameKeys(existing, definition, tableName);
    if (await addMissingIndexes(client, existing, definition, tableName)) outcome = 'updated';
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
      }),
    );
    if (outcome === 'existing') outcome = 'updated';
  }
  return outcome;
}

async function describeTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

function assertSameKeys(existing: TableDescription, definition: TableDefinition, tableName: string): void {
  const hash = existing.KeySchema?.find((key) => key.KeyType === 'HASH')?.AttributeName;
  const range = existing.KeySchema?.find((key) => key.KeyType === 'RANGE')?.AttributeName;
  if (hash !== definition.partitionKey || range !== definition.sortKey) {
    throw new Error(
      `The local table ${tableName} has keys (${hash}, ${range}) but infra/tables.ts declares ` +
        `(${definition.partitionKey}, ${definition.sortKey}). Start with --fresh to recreate the local data.`,
    );
  }
}

async function addMissingIndexes(
  client: DynamoDBClient,
  existing: TableDescription,
  definition: TableDefinition,
  tableName: string,
): Promise<boolean> {
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = definition.globalSecondaryIndexes.filter((index) => !present.has(index.indexName));
  const input = createTableInput(definition, tableName);
  // DynamoDB takes one index creation per UpdateTable call.
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.indexName,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: projectionOf(definition, index),
            },
          },
        ],
      }),
    );
  }
  return missing.length > 0;
}
