import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbDigestStore } from '#shared/adapters/dynamodb/dynamodb-digest-store.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createDigestRecorderHandler } from './digest-recorder.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createDigestRecorderHandler({
  digests: new DynamoDbDigestStore(createDocumentClient(), requireEnv(RESOURCE_ENV.tableName)),
});
