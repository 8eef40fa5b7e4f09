import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbFunnelStore } from '#shared/adapters/dynamodb/dynamodb-funnel-store.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createFunnelRecorderHandler } from './funnel-recorder.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createFunnelRecorderHandler({
  funnel: new DynamoDbFunnelStore(createDocumentClient(), requireEnv(RESOURCE_ENV.tableName)),
});
