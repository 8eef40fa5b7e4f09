import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { formPostEvent } from './signed-request.ts';

/** The admin token the unit tests configure. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** An API Gateway HTTP API (payload 2.0) event for an admin route, authenticated unless told otherwise. */
export function adminEvent(
  routeKey: string,
  options: {
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
    authorizer?: unknown;
  } = {},
): APIGatewayProxyEventV2 {
  const [method = 'GET', path = '/'] = routeKey.split(' ');
  const rawPath = path.replace(/\{(\w+)\}/g, (_, name: string) => options.pathParameters?.[name] ?? '');
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(options.query).toString(),
    headers: {
      authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    queryStringParameters: options.query,
    pathParameters: options.pathParameters,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
    requestContext: {
      ...formPostEvent('generic', '', {}).requestContext,
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      routeKey,
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
  };
}
