import { mailTokens, subscriptionAdapters } from '#shared/adapters/subscription-adapters.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createMailPreferencesHandler } from './mail-preferences.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(async () =>
  createMailPreferencesHandler({
    ...subscriptionAdapters(),
    config: defaultNurtureConfig,
    tokens: await mailTokens(),
  }),
);
