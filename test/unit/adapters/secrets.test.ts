import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSecret, SECRET_MAX_AGE_SECONDS } from '#shared/adapters/secrets.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';

const secretsManager = mockClient(SecretsManagerClient);
let sequence = 0;

/** Each test uses its own secret name and ARN, so the per-container cache never leaks between tests. */
function configureArn(): { name: string; arn: string } {
  sequence += 1;
  const name = `TEST_SECRET_${sequence}`;
  const arn = `arn:aws:secretsmanager:eu-west-1:123456789012:secret:leadflow-${sequence}`;
  vi.stubEnv(`${name}_SECRET_ARN`, arn);
  return { name, arn };
}

describe('readSecret', () => {
  beforeEach(() => {
    secretsManager.reset();
    vi.stubEnv('AWS_REGION', 'eu-west-1');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it('takes an inline value from <NAME> without calling Secrets Manager', async () => {
    vi.stubEnv('INLINE_SECRET', 'whsec_inline');
    await expect(readSecret('INLINE_SECRET')).resolves.toBe('whsec_inline');
    expect(secretsManager.calls()).toHaveLength(0);
  });

  it('reads <NAME>_SECRET_ARN from Secrets Manager once, then serves the cached value', async () => {
    const { name, arn } = configureArn();
    secretsManager.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: 'from-aws' });
    await expect(readSecret(name)).resolves.toBe('from-aws');
    await expect(readSecret(name)).resolves.toBe('from-aws');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('shares one call between concurrent first reads', async () => {
    const { name } = configureArn();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'shared' });
    const values = await Promise.all([readSecret(name), readSecret(name), readSecret(name)]);
    expect(values).toEqual(['shared', 'shared', 'shared']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('reads again once the cached value is older than the maximum age, so a rotation arrives', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
    const { name } = configureArn();
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'before-rotation' })
      .resolvesOnce({ SecretString: 'after-rotation' });
    await expect(readSecret(name)).resolves.toBe('before-rotation');
    vi.setSystemTime(new Date(Date.now() + (SECRET_MAX_AGE_SECONDS - 1) * 1000));
    await expect(readSecret(name)).resolves.toBe('before-rotation');
    vi.setSystemTime(new Date(Date.now() + 2000));
    await expect(readSecret(name)).resolves.toBe('after-rotation');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('fails closed when neither <NAME> nor <NAME>_SECRET_ARN is set', async () => {
    await expect(readSecret('NEVER_CONFIGURED')).rejects.toBeInstanceOf(SecretNotConfiguredError);
  });

  it('fails closed on a secret without a text value', async () => {
    const { name } = configureArn();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2]) });
    await expect(readSecret(name)).rejects.toBeInstanceOf(SecretNotConfiguredError);
  });

  it('lets a failed read be retried instead of caching the failure', async () => {
    const { name } = configureArn();
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolvesOnce({ SecretString: 'second try' });
    await expect(readSecret(name)).rejects.toThrow();
    await expect(readSecret(name)).resolves.toBe('second try');
  });
});
