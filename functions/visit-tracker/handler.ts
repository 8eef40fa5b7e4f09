import { busPublisher } from '#shared/adapters/event-publisher.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { deployedFormsConfig } from '#shared/intake/default-forms.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createVisitTrackerHandler } from './visit-tracker.ts';

/** Composition root: the event publisher, built on the first invocation. No table access: visits go through the bus. */
export const handler = lambdaHandler(() =>
  createVisitTrackerHandler({
    events: busPublisher(),
    readSecret,
    clock: systemClock,
    forms: deployedFormsConfig(),
  }),
);
