import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { dynamoDbOwnerRouting } from '#shared/adapters/dynamodb/dynamodb-round-robin.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { createContactScorerHandler } from './contact-scorer.ts';

const documents = createDocumentClient();
const tableName = requireEnv(RESOURCE_ENV.tableName);

/** Lambda entry: real adapters built once per container. */
export const handler = createContactScorerHandler({
  contacts: new DynamoDbContactRepository(documents, tableName),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  clock: systemClock,
  model: defaultScoringModel,
  owners: dynamoDbOwnerRouting(documents, tableName, defaultRoutingConfig),
});
