import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Request = { event: APIGatewayProxyEventV2; response?: APIGatewayProxyStructuredResultV2 | null };

/** How long a browser may reuse a preflight answer: ten minutes, so a changed allowlist applies soon. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Adds CORS headers to every answer (errors included, so a page's `fetch()` can read the problem)
 * when `allowedOrigin` says the request's Origin may call; otherwise adds only `Vary: Origin`.
 * Credentials are allowed because the visitor cookie travels with the website's calls.
 */
export function corsForAllowedOrigins(
  allowedOrigin: (event: APIGatewayProxyEventV2) => string | undefined,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const addHeaders = async (request: Request) => {
    if (!request.response) return;
    request.response.headers = { ...request.response.headers, ...corsHeaders(allowedOrigin(request.event)) };
  };
  return { after: addHeaders, onError: addHeaders };
}

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
  };
}

/** The answer to a preflight (`OPTIONS`) from an allowed origin. */
export function preflightResponse(options: {
  readonly methods: readonly string[];
  readonly headers: readonly string[];
}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 204,
    headers: {
      'access-control-allow-methods': options.methods.join(', '),
      'access-control-allow-headers': options.headers.join(', '),
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    },
  };
}
