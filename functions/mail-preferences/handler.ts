import { mailTokens, subscriptionAdapters } from '#shared/adapters/subscription-adapters.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { deferredHandler } from '#shared/runtime/deferred-handler.ts';
import { createMailPreferencesHandler } from './mail-preferences.ts';

/** Lambda entry: real adapters built once per container, on the first request (they read a secret). */
export const handler = deferredHandler(async () =>
  createMailPreferencesHandler({
    ...subscriptionAdapters(),
    config: defaultNurtureConfig,
    tokens: await mailTokens(),
  }),
);
