import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaticFiles } from '#infra/console/static-site.ts';
import type { LocalEventBus } from './eventbridge/local-event-bus.ts';
import { sendJson, sendProblem } from './http/problem.ts';
import { BodyTooLargeError, readBody } from './http/read-body.ts';
import { createRouteTable, type Route } from './http/route-table.ts';
import { fromHandlerResult, toHttpApiEvent } from './http-api-event.ts';
import type { LocalFunction } from './lambda/local-function.ts';
import { clientUrl } from './network/client-url.ts';
import type { Readiness } from './readiness.ts';

/** leadflow caps request bodies well below API Gateway's 10 MB: no form submission comes near it. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface GatewayOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly routes: readonly Route<LocalFunction>[];
  readonly readiness: Readiness;
  readonly bus: LocalEventBus;
  readonly accountId: string;
  readonly log: (line: string) => void;
  readonly bodyLimitBytes?: number;
  /**
   * A static site served for GET and HEAD before the routes (the marketing console at `/`), with
   * these headers on every file: locally the gateway plays the part CloudFront plays in AWS.
   */
  readonly site?: { readonly files: StaticFiles; readonly headers: Readonly<Record<string, string>> };
}

export interface Gateway {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Local-only endpoints, answered by the gateway itself and never routed to a function. */
const BUILT_IN_PATHS = new Set(['/health', '/_local/events', '/_local/dead-letters']);

/**
 * The local stand-in for the API Gateway HTTP API: declared routes become payload 2.0 invocations of
 * their functions, in this process. Besides the routes it answers `/health` (503 until every part is
 * up) and `/_local/events` / `/_local/dead-letters`, which show what went over the event bus.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const routes = createRouteTable(options.routes);
  const bodyLimit = options.bodyLimitBytes ?? BODY_LIMIT_BYTES;
  let port = options.port;

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      options.log(
        `gateway: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!response.headersSent) sendProblem(response, 500, 'The local gateway failed.');
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    const requestId = randomBytes(11).toString('base64');
    const headers = { 'apigw-requestid': requestId };

    if (BUILT_IN_PATHS.has(rawPath)) {
      answerBuiltIn(method, rawPath, response);
      return;
    }
    const file =
      method === 'GET' || method === 'HEAD'
        ? options.site?.files.get(rawPath === '/' ? '/index.html' : rawPath)
        : undefined;
    if (file && options.site) {
      request.resume();
      response.writeHead(200, {
        ...options.site.headers,
        'content-type': file.contentType,
        'content-length': file.body.byteLength,
        'cache-control': file.cacheControl,
      });
      response.end(method === 'HEAD' ? undefined : file.body);
      return;
    }
    const match = routes.match(method, rawPath);
    if (match.kind === 'not-found') {
      request.resume();
      options.log(`gateway: ${method} ${rawPath} → 404 (no route)`);
      sendProblem(response, 404, `No route matches ${method} ${rawPath}.`, { requestId, headers });
      return;
    }
    if (match.kind === 'method-not-allowed') {
      request.resume();
      options.log(`gateway: ${method} ${rawPath} → 405`);
      sendProblem(
        response,
        405,
        `${rawPath} does not accept ${method}; it accepts ${match.allowed.join(', ')}.`,
        {
          requestId,
          headers: { ...headers, allow: match.allowed.join(', ') },
        },
      );
      return;
    }
    const about = `${match.routeKey} → ${match.target.name}`;
    if (!options.readiness.isReady()) {
      request.resume();
      sendProblem(response, 503, 'The local runtime is still starting; see GET /health.', {
        requestId,
        headers,
      });
      return;
    }

    let body: Buffer;
    try {
      body = await readBody(request, bodyLimit);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      options.log(`gateway: ${about} → 413 (body over ${bodyLimit} bytes)`);
      sendProblem(response, 413, `The request body is over the limit of ${bodyLimit} bytes.`, {
        requestId,
        headers,
      });
      return;
    }

    const event = toHttpApiEvent(
      {
        method,
        url: request.url ?? '/',
        rawHeaders: request.rawHeaders,
        body,
        sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        httpVersion: request.httpVersion,
        localPort: port,
      },
      match,
      { requestId, receivedAt: new Date(), accountId: options.accountId, apiId: 'local' },
    );

    let result: ReturnType<typeof fromHandlerResult>;
    try {
      result = fromHandlerResult(await match.target.invoke(event));
    } catch (error) {
      // The function already logged its error with the stack; the request body is never logged.
      options.log(
        `gateway: ${about} → 500 (${error instanceof Error ? error.name : 'error'}, request ${requestId})`,
      );
      sendProblem(response, 500, `The function ${match.target.name} failed; see the runtime log.`, {
        requestId,
        headers,
      });
      return;
    }

    const setCookie = [...result.cookies];
    const responseHeaders: Record<string, string | string[]> = { ...headers };
    for (const [name, value] of Object.entries(result.headers)) {
      if (name.toLowerCase() === 'set-cookie') setCookie.unshift(value);
      else responseHeaders[name] = value;
    }
    if (setCookie.length > 0) responseHeaders['set-cookie'] = setCookie;
    response.writeHead(result.statusCode, responseHeaders);
    response.end(result.body);
    options.log(`gateway: ${about} → ${result.statusCode} (${Math.round(performance.now() - started)} ms)`);
  };

  const answerBuiltIn = (method: string, rawPath: string, response: ServerResponse): void => {
    if (method !== 'GET') {
      sendProblem(response, 405, `${rawPath} accepts only GET.`, { headers: { allow: 'GET' } });
      return;
    }
    if (rawPath === '/health') {
      const ready = options.readiness.isReady();
      sendJson(response, ready ? 200 : 503, {
        status: ready ? 'ok' : 'starting',
        parts: options.readiness.parts(),
      });
      return;
    }
    if (rawPath === '/_local/events') {
      sendJson(
        response,
        200,
        options.bus.events().map((event) => ({
          id: event.id,
          source: event.source,
          'detail-type': event['detail-type'],
          time: event.time,
          detail: event.detail,
        })),
      );
      return;
    }
    sendJson(response, 200, options.bus.deadLetters());
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: clientUrl(options.host, port),
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
