import { tableConfig } from '#shared/adapters/dynamodb/table-config.ts';
import { mailTokens, subscriptionAdapters } from '#shared/adapters/subscription-adapters.ts';
import { nurtureConfigKind } from '#shared/nurture/nurture-config-kind.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { createMailPreferencesHandler } from './mail-preferences.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(async () =>
  createMailPreferencesHandler({
    ...subscriptionAdapters(),
    config: tableConfig(nurtureConfigKind),
    tokens: await mailTokens(),
  }),
);
