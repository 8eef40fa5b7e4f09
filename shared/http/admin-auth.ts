import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from '#shared/runtime/logger.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { SECRETS } from '#shared/runtime/settings.ts';
import { HttpProblem, problemType } from './problem.ts';

/** The secret holding the bearer token of the admin routes (`auth: 'admin'` in the wiring). */
export const ADMIN_TOKEN_SECRET = SECRETS.adminToken.name;

const CHALLENGE = { 'www-authenticate': 'Bearer realm="leadflow-admin"' };

/**
 * Lets a request through only with `Authorization: Bearer <the admin token>`. The comparison is
 * constant-time over SHA-256 digests, so neither the token's content nor its length leaks through
 * timing. An unconfigured token refuses everyone (fail closed). In AWS an authorizer stands in
 * front of these routes too; this check is what keeps them closed wherever the handler runs.
 */
export async function requireAdmin(
  event: Pick<APIGatewayProxyEventV2, 'headers'>,
  readSecret: (name: string) => Promise<string>,
): Promise<void> {
  const header = event.headers.authorization ?? '';
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!presented) {
    throw unauthorized(
      header
        ? 'The Authorization header is not a Bearer token.'
        : 'This route needs Authorization: Bearer <admin token>.',
    );
  }
  let expected: string;
  try {
    expected = await readSecret(ADMIN_TOKEN_SECRET);
  } catch (error) {
    if (!(error instanceof SecretNotConfiguredError)) throw error;
    logger.error('admin token not configured; refusing admin requests', { secret: ADMIN_TOKEN_SECRET });
    throw unauthorized('No admin token is configured, so no admin request can be trusted.');
  }
  if (!sameSecret(presented, expected)) {
    throw unauthorized('The admin token is not valid.');
  }
}

/** Constant-time over SHA-256 digests, so neither a secret's content nor its length leaks through timing. */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem({
    status: 401,
    type: problemType('unauthorized'),
    title: 'Unauthorized',
    detail,
    headers: CHALLENGE,
  });
}
