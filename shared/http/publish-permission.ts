import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import { SECRETS } from '#shared/runtime/settings.ts';
import { sameSecret } from './admin-auth.ts';
import { authenticatedGroups } from './admin-identity.ts';
import { HttpProblem, problemType } from './problem.ts';

/** The Cognito group whose members may publish configuration (reviewing leads does not need it). */
export const PUBLISHERS_GROUP = 'publishers';
/** The secret of the publish token: the local stand-in for the group, and a way in for automation. */
export const PUBLISH_TOKEN_SECRET = SECRETS.publishToken.name;
export const PUBLISH_TOKEN_HEADER = 'x-leadflow-publish-token';

/**
 * Publishing and rolling back configuration is a permission of its own, beyond the admin token every
 * admin route checks: the caller's ID token lists the `publishers` group (AWS), or the request
 * carries the publish token (locally, where no Cognito runs). Anything else is 403.
 */
export async function requirePublisher(
  event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>,
  readSecret: (name: string) => Promise<string>,
): Promise<void> {
  if (authenticatedGroups(event as APIGatewayProxyEventV2).includes(PUBLISHERS_GROUP)) return;
  const presented = event.headers[PUBLISH_TOKEN_HEADER];
  if (!presented) {
    throw forbidden(
      `Publishing needs the ${PUBLISHERS_GROUP} group (or the publish token in ${PUBLISH_TOKEN_HEADER}).`,
    );
  }
  let expected: string;
  try {
    expected = await readSecret(PUBLISH_TOKEN_SECRET);
  } catch (error) {
    if (!(error instanceof SecretNotConfiguredError)) throw error;
    throw forbidden('No publish token is configured, so no publish token can be trusted.');
  }
  if (!sameSecret(presented, expected)) throw forbidden('The publish token is not valid.');
}

function forbidden(detail: string): HttpProblem {
  return new HttpProblem({
    status: 403,
    type: problemType('not-a-publisher'),
    title: 'Not a publisher',
    detail,
  });
}
