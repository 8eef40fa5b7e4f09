import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import type { Access } from './types.ts';

/** Where the shared resources are, as the CDK stack (tokens) or the local runtime (names) knows them. */
export interface ResourceLocations {
  readonly tableName: string;
  readonly eventBusName: string;
  readonly mailFrom: string;
  readonly mailConfigurationSet?: string;
  /** The stage's sender identity as JSON; absent while the stage names no links. */
  readonly mailSender?: string;
  /** The stage's sending policy (breaker, quota share, warm-up) as JSON. */
  readonly sendingPolicy?: string;
  readonly publicBaseUrl?: string;
}

/**
 * The environment a function gets from its declared access: only the locations it may use, so a
 * function that was not granted the mailer does not even learn the sender address.
 */
export function resourceEnvironment(access: Access, locations: ResourceLocations): Record<string, string> {
  const environment: Record<string, string> = {};
  if (access.table) environment[RESOURCE_ENV.tableName] = locations.tableName;
  if (access.bus) environment[RESOURCE_ENV.eventBusName] = locations.eventBusName;
  if (access.mail === 'send') {
    environment[RESOURCE_ENV.mailFrom] = locations.mailFrom;
    if (locations.mailSender) environment[RESOURCE_ENV.mailSender] = locations.mailSender;
  }
  if (access.mail) {
    if (locations.mailConfigurationSet) {
      environment[RESOURCE_ENV.mailConfigurationSet] = locations.mailConfigurationSet;
    }
    if (locations.sendingPolicy) environment[RESOURCE_ENV.sendingPolicy] = locations.sendingPolicy;
  }
  if (locations.publicBaseUrl) environment[RESOURCE_ENV.publicBaseUrl] = locations.publicBaseUrl;
  return environment;
}
