import { type ResourceLocations, resourceEnvironment } from '#infra/wiring/resource-environment.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import { DEV_SECRETS } from './dev-secrets.ts';

export interface LocalEndpoints {
  readonly gateway: string;
  readonly dynamodb: string;
  readonly ses: string;
  readonly eventbridge: string;
}

export interface LocalEnvironmentInput {
  readonly functions: Readonly<Record<string, FunctionDeclaration>>;
  readonly endpoints: LocalEndpoints;
  readonly region: string;
  readonly tableName: string;
  readonly eventBusName: string;
  readonly mailFrom: string;
  /** The dev stage's sender identity as JSON (company, postal address, links), as in AWS. */
  readonly mailSender?: string;
  /** The configuration set the local feedback tool tags its SES events with. */
  readonly mailConfigurationSet?: string;
  /** The dev stage's sending policy as JSON. */
  readonly sendingPolicy?: string;
  /** What the SES emulator answers to GetAccount, as JSON (its `AWS_SES_ACCOUNT`). */
  readonly sesAccount?: string;
  /** The team's notification lists from the stage configuration; none when absent. */
  readonly notifications?: ResourceLocations['notifications'];
  /** Where the HTML forms are embedded, from the stage configuration; none when absent. */
  readonly formSites?: ResourceLocations['formSites'];
  /** The environment as it is now: a secret the developer set there is kept. */
  readonly current: NodeJS.ProcessEnv;
  readonly devSecrets?: Readonly<Record<string, string>>;
}

/**
 * The variables the local runtime sets before it imports any handler. Function code stays unaware of
 * where it runs: the AWS SDK v3 reads `AWS_ENDPOINT_URL_<SERVICE ID>` itself (service ids `DynamoDB`,
 * `SESv2`, `EventBridge`, upper-cased), and the resource locations come from the same
 * `resourceEnvironment` the CDK stack uses.
 *
 * In AWS every function gets only what its access allows. Here all functions share one process and
 * so one `process.env`; the runtime sets the union of what every declared function would get.
 */
export function localEnvironment(input: LocalEnvironmentInput): Record<string, string> {
  const environment: Record<string, string> = {
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    // Dummy credentials: the local endpoints do not check signatures, and real keys have no
    // business being sent to them. DynamoDB Local runs with -sharedDb, so their value does not matter.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: input.endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: input.endpoints.ses,
    AWS_ENDPOINT_URL_EVENTBRIDGE: input.endpoints.eventbridge,
  };
  const locations = {
    tableName: input.tableName,
    eventBusName: input.eventBusName,
    mailFrom: input.mailFrom,
    ...(input.mailSender ? { mailSender: input.mailSender } : {}),
    ...(input.mailConfigurationSet ? { mailConfigurationSet: input.mailConfigurationSet } : {}),
    ...(input.sendingPolicy ? { sendingPolicy: input.sendingPolicy } : {}),
    publicBaseUrl: input.endpoints.gateway,
    notifications: input.notifications,
    formSites: input.formSites,
  };
  const devSecrets = input.devSecrets ?? DEV_SECRETS;
  const settings = new Map<string, { value: string; declaredBy: string }>();

  for (const [name, declaration] of Object.entries(input.functions)) {
    Object.assign(environment, resourceEnvironment(declaration.access, locations));
    for (const [key, value] of Object.entries(declaration.environment ?? {})) {
      const earlier = settings.get(key);
      if (earlier && earlier.value !== value) {
        throw new Error(
          `Functions ${earlier.declaredBy} and ${name} both set ${key}, to different values; ` +
            'the local runtime runs them in one process with one environment.',
        );
      }
      settings.set(key, { value, declaredBy: name });
      environment[key] = value;
    }
    for (const secret of declaration.secrets ?? []) {
      const value = input.current[secret] || devSecrets[secret];
      if (!value) {
        throw new Error(
          `Function ${name} reads the secret ${secret}, which has no local value: set ${secret} in your ` +
            'environment or add a development value to infra/local/dev-secrets.ts.',
        );
      }
      environment[secret] = value;
    }
  }
  // Also set when no declared function has mail access, so a fixture or a later function finds it.
  environment[RESOURCE_ENV.mailFrom] = input.mailFrom;
  if (input.mailSender) environment[RESOURCE_ENV.mailSender] = input.mailSender;
  // The emulator runs in this process and reads its GetAccount answer from here; one already set wins.
  if (input.sesAccount) environment.AWS_SES_ACCOUNT = input.current.AWS_SES_ACCOUNT || input.sesAccount;
  environment[RESOURCE_ENV.publicBaseUrl] = input.endpoints.gateway;
  return environment;
}
