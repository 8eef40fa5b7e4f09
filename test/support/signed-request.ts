import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';

/** A documented-format test secret (Standard Webhooks `whsec_` + base64). */
export const TEST_SECRET = `whsec_${Buffer.from('leadflow-unit-test-secret-32-bytes!').toString('base64')}`;

/** Standard Webhooks headers for a body, as a provider would send them. */
export function signedHeaders(
  body: string,
  options: { secret?: string; id?: string; at?: Date } = {},
): Record<string, string> {
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? TEST_SECRET).sign(id, at, body),
  };
}

/** What else a request can carry; API Gateway base64-encodes form posts and other non-text bodies. */
export interface EventOptions {
  readonly method?: string;
  readonly query?: Record<string, string>;
  readonly isBase64Encoded?: boolean;
  readonly cookies?: string[];
}

/** An API Gateway HTTP API (payload 2.0) event for `POST /forms/{source}`. */
export function formPostEvent(
  source: string,
  body: string,
  headers: Record<string, string>,
  options: EventOptions = {},
): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  return {
    version: '2.0',
    routeKey: `${method} /forms/{source}`,
    rawPath: `/forms/${source}`,
    rawQueryString: new URLSearchParams(options.query).toString(),
    headers,
    pathParameters: { source },
    body,
    isBase64Encoded: options.isBase64Encoded ?? false,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.cookies ? { cookies: options.cookies } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: `/forms/${source}`,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'req-1',
      routeKey: `${method} /forms/{source}`,
      stage: '$default',
      time: '02/Mar/2026:10:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

export const lambdaContext = { awsRequestId: 'req-1', functionName: 'test' } as Context;
