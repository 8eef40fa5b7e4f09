import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactData } from '#shared/adapters/dynamodb/dynamodb-contact-data.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbFollowUpStore } from '#shared/adapters/dynamodb/dynamodb-follow-up-store.ts';
import { DynamoDbImportStore } from '#shared/adapters/dynamodb/dynamodb-import-store.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { dynamoDbOwnerRouting } from '#shared/adapters/dynamodb/dynamodb-round-robin.ts';
import {
  DynamoDbBreakerStore,
  DynamoDbSendingLedger,
} from '#shared/adapters/dynamodb/dynamodb-sending-ledger.ts';
import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { configurationSetName } from '#shared/adapters/sending-adapters.ts';
import { sesAccountQuota } from '#shared/adapters/ses-account-quota.ts';
import { createSesClient } from '#shared/adapters/ses-client.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import { sendingPolicyFromEnv } from '#shared/sending/sending-policy.ts';
import { createAdminApiHandler } from './admin-api.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const { documents, tableName } = contactsTable();
  return createAdminApiHandler({
    contacts: new DynamoDbContactRepository(documents, tableName),
    reviews: new DynamoDbReviewQueue(documents, tableName),
    histories: new DynamoDbContactHistory(documents, tableName),
    data: new DynamoDbContactData(documents, tableName),
    imports: new DynamoDbImportStore(documents, tableName),
    events: busPublisher(),
    readSecret,
    clock: systemClock,
    model: tableConfig(scoringModelKind, { documents, tableName }),
    owners: dynamoDbOwnerRouting(documents, tableName, defaultRoutingConfig),
    routing: defaultRoutingConfig,
    followUps: new DynamoDbFollowUpStore(documents, tableName),
    sending: {
      breaker: new DynamoDbBreakerStore(documents, tableName, configurationSetName()),
      ledger: new DynamoDbSendingLedger(documents, tableName, configurationSetName()),
      account: sesAccountQuota(createSesClient(), systemClock),
      policy: sendingPolicyFromEnv(),
      clock: systemClock,
    },
  });
});
