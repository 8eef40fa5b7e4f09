import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { createDealRecorderHandler } from './deal-recorder.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createDealRecorderHandler({
  contacts: new DynamoDbContactRepository(createDocumentClient(), requireEnv(RESOURCE_ENV.tableName)),
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  clock: systemClock,
  model: defaultScoringModel,
});
