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
  publicBaseUrl: SETTINGS.publicBaseUrl.name,
} as const;
