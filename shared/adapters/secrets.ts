import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { secretLocation } from '#shared/runtime/settings.ts';

/**
 * How long a container keeps a secret it read before asking Secrets Manager again. A container
 * reads each secret once in practice (it rarely lives much longer), yet a rotated value still
 * reaches every running container within this time, without a redeploy.
 */
export const SECRET_MAX_AGE_SECONDS = 15 * 60;

let provider: SecretsProvider | undefined;
const inFlight = new Map<string, Promise<string>>();

/**
 * Reads a named secret, once per container. The deployment says where it is: `<NAME>` holds the
 * value (local runtime, tests) or `<NAME>_SECRET_ARN` points to Secrets Manager (AWS), so a secret
 * never sits in plain text in a Lambda's configuration. Values from Secrets Manager are cached by
 * Powertools Parameters for {@link SECRET_MAX_AGE_SECONDS}; concurrent first reads share one call.
 */
export function readSecret(name: string): Promise<string> {
  const { value: inline, arn } = secretLocation(name);
  if (inline) return Promise.resolve(inline);
  if (!arn) return Promise.reject(new SecretNotConfiguredError(`Secret ${name} is not configured.`));
  let pending = inFlight.get(arn);
  if (!pending) {
    pending = fetchSecret(name, arn).finally(() => inFlight.delete(arn));
    inFlight.set(arn, pending);
  }
  return pending;
}

async function fetchSecret(name: string, arn: string): Promise<string> {
  provider ??= new SecretsProvider();
  const value = await provider.get(arn, { maxAge: SECRET_MAX_AGE_SECONDS });
  if (typeof value !== 'string' || value === '') {
    throw new SecretNotConfiguredError(`Secret ${name} has no text value.`);
  }
  return value;
}
