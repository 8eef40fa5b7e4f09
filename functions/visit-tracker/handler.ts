import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { defaultFormsConfig } from '#shared/intake/default-forms.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createVisitTrackerHandler } from './visit-tracker.ts';

/** Lambda entry: the event publisher built once per container. No table access: visits go through the bus. */
export const handler = createVisitTrackerHandler({
  events: eventBridgePublisher(new EventBridgeClient({}), requireEnv(RESOURCE_ENV.eventBusName)),
  readSecret,
  clock: systemClock,
  forms: defaultFormsConfig,
});
