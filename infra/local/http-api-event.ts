import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The translation an API Gateway HTTP API does between HTTP and a Lambda function, payload format 2.0,
 * as pure functions: the gateway feeds them what node:http received and writes what they return, and
 * the unit tests pin the quirks that handlers depend on in AWS (see each field's comment).
 */

/** What the gateway received, as node:http exposes it. */
export interface GatewayRequest {
  readonly method: string;
  /** The request target as sent: `/forms/tally?ref=x`. */
  readonly url: string;
  /** node's flat `[name, value, name, value, …]`, which keeps duplicates that `headers` would merge. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  /** `1.1` */
  readonly httpVersion: string;
  /** The port the gateway listens on, for `x-forwarded-port`. */
  readonly localPort?: number;
}

export interface MatchedRoute {
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
}

export interface EventMeta {
  readonly requestId: string;
  readonly receivedAt: Date;
  readonly accountId: string;
  readonly apiId: string;
}

/** What the gateway writes back. */
export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/** The handler returned something API Gateway would answer with a 500. */
export class InvalidHandlerResponseError extends Error {
  override name = 'InvalidHandlerResponseError';
}

/**
 * Content types whose body an HTTP API hands over as UTF-8 text. Everything else, including a missing
 * content type and (a classic surprise) `application/x-www-form-urlencoded`, arrives base64-encoded
 * with `isBase64Encoded: true`, so handlers must decode; mirroring that here surfaces the bug locally.
 */
export function isTextualContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/json' ||
    mediaType === 'application/xml' ||
    mediaType === 'application/javascript'
  );
}

export function toHttpApiEvent(
  request: GatewayRequest,
  route: MatchedRoute,
  meta: EventMeta,
): APIGatewayProxyEventV2 {
  const { rawPath, rawQueryString } = splitTarget(request.url);
  const { headers, cookies } = collectHeaders(request);
  const queryStringParameters = parseQuery(rawQueryString);
  const domainName = hostName(headers.host);
  const textual = isTextualContentType(headers['content-type']);

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: meta.accountId,
      apiId: meta.apiId,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: meta.requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: commonLogTime(meta.receivedAt),
      timeEpoch: meta.receivedAt.getTime(),
    },
    isBase64Encoded: false,
  };
  // Absent rather than empty, as in AWS: handlers test `event.cookies?.length`, `event.body ?? …`.
  if (cookies.length > 0) event.cookies = cookies;
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  if (Object.keys(route.pathParameters).length > 0) event.pathParameters = { ...route.pathParameters };
  if (request.body.length > 0) {
    event.body = textual ? request.body.toString('utf8') : request.body.toString('base64');
    event.isBase64Encoded = !textual;
  }
  return event;
}

/**
 * Maps what the handler returned to the HTTP response, by HTTP API's rules: an object with a
 * `statusCode` is taken field by field; anything else (a string, an object without `statusCode`) is a
 * 200 `application/json` response whose body is that value (a string verbatim, otherwise as JSON).
 */
export function fromHandlerResult(result: unknown): GatewayResponse {
  if (!isRecord(result) || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? 'null');
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(body),
    };
  }
  const statusCode = result.statusCode;
  if (
    typeof statusCode !== 'number' ||
    !Number.isInteger(statusCode) ||
    statusCode < 100 ||
    statusCode > 599
  ) {
    throw new InvalidHandlerResponseError('The handler returned a statusCode that is not an HTTP status.');
  }
  return {
    statusCode,
    headers: responseHeaders(result.headers),
    cookies: responseCookies(result.cookies),
    body: responseBody(result.body, result.isBase64Encoded === true),
  };
}

function splitTarget(url: string): { rawPath: string; rawQueryString: string } {
  // An absolute-form target (`http://host/path`) comes from proxies; keep only its path and query.
  const target = url.startsWith('/') ? url : url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/';
  const withoutFragment = target.split('#')[0] ?? target;
  const questionMark = withoutFragment.indexOf('?');
  if (questionMark === -1) return { rawPath: withoutFragment || '/', rawQueryString: '' };
  return {
    rawPath: withoutFragment.slice(0, questionMark) || '/',
    rawQueryString: withoutFragment.slice(questionMark + 1),
  };
}

/**
 * Lower-cased names, repeated headers joined with commas (format 2.0 has no multi-value headers), and
 * the `cookie` header moved out into `cookies`, as HTTP API does. The `x-forwarded-*` headers API
 * Gateway adds are added too, so code that builds absolute URLs behaves as it will in AWS.
 */
function collectHeaders(request: GatewayRequest): { headers: Record<string, string>; cookies: string[] } {
  const values = new Map<string, string[]>();
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = (request.rawHeaders[index] ?? '').toLowerCase();
    const value = request.rawHeaders[index + 1] ?? '';
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const cookies = (values.get('cookie') ?? [])
    .flatMap((header) => header.split(';'))
    .map((cookie) => cookie.trim())
    .filter((cookie) => cookie.length > 0);
  values.delete('cookie');

  const headers: Record<string, string> = Object.fromEntries(
    [...values].map(([name, list]) => [name, list.join(',')]),
  );
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${request.sourceIp}`
    : request.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  if (request.localPort !== undefined) headers['x-forwarded-port'] ??= String(request.localPort);
  return { headers, cookies };
}

/** Decoded values, repeated names joined with commas; undefined when there is no query at all. */
function parseQuery(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const parameters = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const previous = parameters.get(name);
    parameters.set(name, previous === undefined ? value : `${previous},${value}`);
  }
  // fromEntries defines own properties, so a parameter named __proto__ stays a parameter.
  return parameters.size > 0 ? Object.fromEntries(parameters) : undefined;
}

function hostName(host: string | undefined): string {
  if (!host) return 'localhost';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return 'localhost';
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the request time format of `requestContext.time`. */
export function commonLogTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

function responseHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (!isRecord(headers))
    throw new InvalidHandlerResponseError('The handler returned headers that are not an object.');
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new InvalidHandlerResponseError(`The handler returned a non-scalar value for header ${name}.`);
      }
      return [name, String(value)];
    }),
  );
}

function responseCookies(cookies: unknown): string[] {
  if (cookies === undefined || cookies === null) return [];
  if (!Array.isArray(cookies) || !cookies.every((cookie) => typeof cookie === 'string')) {
    throw new InvalidHandlerResponseError('The handler returned cookies that are not a list of strings.');
  }
  return cookies;
}

function responseBody(body: unknown, isBase64Encoded: boolean): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body !== 'string')
    throw new InvalidHandlerResponseError('The handler returned a body that is not a string.');
  return isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
