import { subscriptionAdapters } from '#shared/adapters/subscription-adapters.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createSesFeedbackHandler } from './ses-feedback.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => createSesFeedbackHandler(subscriptionAdapters()));
