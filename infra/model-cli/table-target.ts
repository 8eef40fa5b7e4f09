import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_DATA_DIR } from '#infra/local/paths.ts';
import { LOCAL_REGION, LOCAL_TABLE_NAME } from '#infra/local/runtime.ts';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';

export interface TableOptions {
  readonly endpoint?: string;
  readonly table?: string;
  readonly region?: string;
  readonly dataDir?: string;
}

export interface TableTarget {
  readonly documents: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Where the table is, for the first line of the output. */
  readonly description: string;
}

export class TargetError extends Error {
  override name = 'TargetError';
}

/**
 * Which contacts table a command reads or writes: `--endpoint` (any DynamoDB endpoint, e.g. DynamoDB Local);
 * `--table` alone (AWS, with the usual credential chain and region); or, by default, the running
 * `npm start` found through `.leadflow/local.json`.
 */
export async function tableTarget(options: TableOptions): Promise<TableTarget> {
  if (options.endpoint) {
    return target(options.endpoint, options.table ?? LOCAL_TABLE_NAME, options.region ?? LOCAL_REGION);
  }
  if (options.table) {
    const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const client = new DynamoDBClient(region ? { region } : {});
    return {
      documents: createDocumentClient(client),
      tableName: options.table,
      description: `table ${options.table} in AWS${region ? ` (${region})` : ''}`,
    };
  }
  const localJson = join(options.dataDir ?? DEFAULT_DATA_DIR, 'local.json');
  let dynamodb: unknown;
  try {
    ({ dynamodb } = JSON.parse(await readFile(localJson, 'utf8')) as { dynamodb?: unknown });
  } catch {
    throw new TargetError(
      'No running local pipeline was found (.leadflow/local.json). Start one with `npm start`, ' +
        'or name a table: --table <name> for AWS, or --endpoint <url> for another DynamoDB.',
    );
  }
  if (typeof dynamodb !== 'string') throw new TargetError(`${localJson} has no "dynamodb" URL.`);
  return target(dynamodb, LOCAL_TABLE_NAME, LOCAL_REGION);
}

/** A table behind an explicit endpoint (DynamoDB Local), which takes any credentials. */
function target(endpoint: string, tableName: string, region: string): TableTarget {
  const client = new DynamoDBClient({
    endpoint,
    region,
    // Local endpoints do not check signatures; real keys have no business being sent to them.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    documents: createDocumentClient(client),
    tableName,
    description: `table ${tableName} at ${endpoint}`,
  };
}
