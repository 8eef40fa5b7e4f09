import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactData } from '#shared/adapters/dynamodb/dynamodb-contact-data.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbFollowUpStore } from '#shared/adapters/dynamodb/dynamodb-follow-up-store.ts';
import { DynamoDbReviewQueue } from '#shared/adapters/dynamodb/dynamodb-review-queue.ts';
import { dynamoDbOwnerRouting } from '#shared/adapters/dynamodb/dynamodb-round-robin.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { createAdminApiHandler } from './admin-api.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);

/** Lambda entry: real adapters built once per container. */
export const handler = createAdminApiHandler({
  contacts: new DynamoDbContactRepository(documents, tableName),
  reviews: new DynamoDbReviewQueue(documents, tableName),
  histories: new DynamoDbContactHistory(documents, tableName),
  data: new DynamoDbContactData(documents, tableName),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  readSecret,
  clock: systemClock,
  model: defaultScoringModel,
  owners: dynamoDbOwnerRouting(documents, tableName, defaultRoutingConfig),
  routing: defaultRoutingConfig,
  followUps: new DynamoDbFollowUpStore(documents, tableName),
});
