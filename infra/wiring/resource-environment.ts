import type { FormSites } from '#shared/intake/forms-config.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import { SETTINGS } from '#shared/runtime/settings.ts';
import type { Access } from './types.ts';

/** Who in the team hears of leads, as the stage configuration lists them. */
export interface TeamRecipients {
  readonly sales: readonly string[];
  readonly marketing: readonly string[];
  /** Who receives the daily digest; by default marketing and sales. */
  readonly digest?: readonly string[];
}

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
  /** Absent: nobody is notified (an empty list each). */
  readonly notifications?: TeamRecipients;
  /** Where the HTML forms are embedded; absent: no form placed, no beacon page. */
  readonly formSites?: FormSites;
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
  const team = locations.notifications ?? { sales: [], marketing: [] };
  if (access.notify === 'team') {
    environment[SETTINGS.salesNotify.name] = team.sales.join(',');
    environment[SETTINGS.marketingNotify.name] = team.marketing.join(',');
  }
  if (access.notify === 'digest') {
    environment[SETTINGS.digestRecipients.name] = (team.digest ?? [...team.marketing, ...team.sales]).join(
      ',',
    );
  }
  if (access.forms) {
    environment[SETTINGS.formSites.name] = JSON.stringify(
      locations.formSites ?? { html: {}, track: { allowedOrigins: [] } },
    );
  }
  return environment;
}
