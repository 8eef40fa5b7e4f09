import { mailTokens, subscriptionAdapters } from '#shared/adapters/subscription-adapters.ts';
import { defaultNurtureConfig } from '#shared/nurture/default-config.ts';
import { createMailPreferencesHandler } from './mail-preferences.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createMailPreferencesHandler({
  ...subscriptionAdapters(),
  config: defaultNurtureConfig,
  tokens: await mailTokens(),
});
