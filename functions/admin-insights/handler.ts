import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactDirectory } from '#shared/adapters/dynamodb/dynamodb-contact-directory.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { DynamoDbFunnelStore } from '#shared/adapters/dynamodb/dynamodb-funnel-store.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { createAdminInsightsHandler } from './admin-insights.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createAdminInsightsHandler({
    funnel: new DynamoDbFunnelStore(documents, tableName),
    directory: new DynamoDbContactDirectory(documents, tableName),
    histories: new DynamoDbContactHistory(documents, tableName),
    model: tableConfig(scoringModelKind, { documents, tableName }),
    clock: systemClock,
    readSecret,
    routing: defaultRoutingConfig,
  });
});
