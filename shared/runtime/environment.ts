import { SETTINGS } from './settings.ts';

/**
 * Names of the environment variables through which the deployment tells a function where its
 * resources are. The wiring (CDK and local runtime) sets them from a function's declared access;
 * they are declared, parsed and documented in the settings catalogue (shared/runtime/settings.ts).
 */
export const RESOURCE_ENV = {
  tableName: SETTINGS.tableName.name,
  eventBusName: SETTINGS.eventBusName.name,
  mailFrom: SETTINGS.mailFrom.name,
  mailConfigurationSet: SETTINGS.mailConfigurationSet.name,
  /** The stage's sender identity (company, postal address, reply-to, links) as JSON. */
  mailSender: SETTINGS.mailSender.name,
  /** The stage's sending policy (reputation breaker, quota share, warm-up) as JSON. */
  sendingPolicy: SETTINGS.sendingPolicy.name,
  publicBaseUrl: SETTINGS.publicBaseUrl.name,
} as const;
