import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let client: SecretsManagerClient | undefined;
const cache = new Map<string, Promise<string>>();

/** A secret that is not configured: callers must refuse the request (fail closed). */
export class SecretNotConfiguredError extends Error {
  override name = 'SecretNotConfiguredError';
}

/**
 * Reads a named secret once per container. The deployment says where it is: `<NAME>` holds the
 * value (local runtime, tests) or `<NAME>_SECRET_ARN` points to Secrets Manager (AWS), so a secret
 * never sits in plain text in a Lambda's configuration.
 */
export function readSecret(name: string): Promise<string> {
  let pending = cache.get(name);
  if (!pending) {
    pending = resolveSecret(name);
    cache.set(name, pending);
    pending.catch(() => cache.delete(name));
  }
  return pending;
}

async function resolveSecret(name: string): Promise<string> {
  const inline = process.env[name];
  if (inline) return inline;
  const arn = process.env[`${name}_SECRET_ARN`];
  if (!arn) throw new SecretNotConfiguredError(`Secret ${name} is not configured.`);
  client ??= new SecretsManagerClient({});
  const response = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!response.SecretString) throw new SecretNotConfiguredError(`Secret ${name} is empty.`);
  return response.SecretString;
}
