import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '#infra/local/dynamodb/dynamodb-local.ts';
import { ensureTable } from '#infra/local/dynamodb/ensure-table.ts';
import { contactsTable } from '#infra/tables.ts';
import { DynamoDbDigestStore } from '#shared/adapters/dynamodb/dynamodb-digest-store.ts';
import { DynamoDbNurtureStore } from '#shared/adapters/dynamodb/dynamodb-nurture-store.ts';
import { digestStoreContract } from '../support/contracts/digest-store-contract.ts';
import { nurtureStoreContract } from '../support/contracts/nurture-store-contract.ts';

// The contracts the in-memory fakes of the unit tests keep, run against the DynamoDB adapters.

let dynamodb: DynamoDbLocal;
let stateDir: string;
let client: DynamoDBClient;

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'leadflow-contracts-'));
  dynamodb = await startDynamoDbLocal({ port: 0, dbPath: undefined, stateDir, log: () => {} });
  client = new DynamoDBClient({
    endpoint: dynamodb.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  client?.destroy();
  await dynamodb?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

/** A fresh table per store, so what one contract test wrote never shows in another's listing. */
async function freshTable() {
  const tableName = `contracts-${randomUUID()}`;
  await ensureTable(client, contactsTable, tableName);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { documents, tableName };
}

digestStoreContract('the DynamoDB digest store', async () => {
  const { documents, tableName } = await freshTable();
  return new DynamoDbDigestStore(documents, tableName);
});

nurtureStoreContract('the DynamoDB nurture store', async () => {
  const { documents, tableName } = await freshTable();
  return new DynamoDbNurtureStore(documents, tableName);
});
