import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactDirectory } from '#shared/adapters/dynamodb/dynamodb-contact-directory.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { DynamoDbFunnelStore } from '#shared/adapters/dynamodb/dynamodb-funnel-store.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createAdminInsightsHandler } from './admin-insights.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);

/** Lambda entry: real adapters built once per container. */
export const handler = createAdminInsightsHandler({
  funnel: new DynamoDbFunnelStore(documents, tableName),
  directory: new DynamoDbContactDirectory(documents, tableName),
  histories: new DynamoDbContactHistory(documents, tableName),
  model: tableConfig(scoringModelKind, { documents, tableName }),
  clock: systemClock,
  readSecret,
});
