import { subscriptionAdapters } from '#shared/adapters/subscription-adapters.ts';
import { createSesFeedbackHandler } from './ses-feedback.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createSesFeedbackHandler(subscriptionAdapters());
