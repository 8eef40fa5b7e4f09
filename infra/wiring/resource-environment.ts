import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import type { Access } from './types.ts';

/** Where the shared resources are, as the CDK stack (tokens) or the local runtime (names) knows them. */
export interface ResourceLocations {
  readonly tableName: string;
  readonly eventBusName: string;
  readonly mailFrom: string;
  readonly mailConfigurationSet?: string;
  readonly publicBaseUrl?: string;
  /** Where people open the console: links in team notifications point there. */
  readonly consoleUrl?: string;
}

/**
 * The environment a function gets from its declared access: only the locations it may use, so a
 * function that was not granted the mailer does not even learn the sender address.
 */
export function resourceEnvironment(access: Access, locations: ResourceLocations): Record<string, string> {
  const environment: Record<string, string> = {};
  if (access.table) environment[RESOURCE_ENV.tableName] = locations.tableName;
  if (access.bus) environment[RESOURCE_ENV.eventBusName] = locations.eventBusName;
  if (access.mail) {
    environment[RESOURCE_ENV.mailFrom] = locations.mailFrom;
    if (locations.mailConfigurationSet) {
      environment[RESOURCE_ENV.mailConfigurationSet] = locations.mailConfigurationSet;
    }
  }
  if (locations.publicBaseUrl) environment[RESOURCE_ENV.publicBaseUrl] = locations.publicBaseUrl;
  if (access.mail && locations.consoleUrl) environment[RESOURCE_ENV.consoleUrl] = locations.consoleUrl;
  return environment;
}
