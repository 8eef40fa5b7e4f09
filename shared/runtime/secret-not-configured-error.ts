/** A secret that is not configured: callers must refuse the request (fail closed). */
export class SecretNotConfiguredError extends Error {
  override name = 'SecretNotConfiguredError';
}
