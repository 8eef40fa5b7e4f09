import { request as httpRequest } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalEventBus } from '#infra/local/eventbridge/local-event-bus.ts';
import { type Gateway, startGateway } from '#infra/local/gateway.ts';
import type { LocalFunction } from '#infra/local/lambda/local-function.ts';
import { createReadiness, RUNTIME_PARTS } from '#infra/local/readiness.ts';

/** A function stand-in that records what it is invoked with and answers with `respond`. */
function fakeFunction(
  name: string,
  respond: (event: APIGatewayProxyEventV2) => unknown,
): LocalFunction & {
  events: APIGatewayProxyEventV2[];
} {
  const events: APIGatewayProxyEventV2[] = [];
  return {
    name,
    declaration: { entry: 'none.ts', description: name, triggers: [], access: {} },
    events,
    async invoke(event) {
      events.push(event as APIGatewayProxyEventV2);
      return respond(event as APIGatewayProxyEventV2);
    },
  };
}

const open: Gateway[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((gateway) => gateway.close()));
});

async function gateway(options: { ready?: boolean; bodyLimitBytes?: number } = {}) {
  const lines: string[] = [];
  const bus = new LocalEventBus({ name: 'test-bus', accountId: '000000000000', region: 'us-east-1' });
  const readiness = createReadiness();
  if (options.ready ?? true) for (const part of RUNTIME_PARTS) readiness.markReady(part);
  const intake = fakeFunction('intake', () => ({
    statusCode: 202,
    headers: { 'content-type': 'application/json', 'Set-Cookie': 'first=1' },
    cookies: ['second=2; HttpOnly'],
    body: '{"accepted":true}',
  }));
  const crash = fakeFunction('crash', () => {
    throw new Error('kaboom');
  });
  const started = await startGateway({
    host: '127.0.0.1',
    port: 0,
    routes: [
      { method: 'POST', path: '/forms/{source}', target: intake },
      { method: 'POST', path: '/crash', target: crash },
    ],
    readiness,
    bus,
    accountId: '000000000000',
    log: (line) => lines.push(line),
    ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  open.push(started);
  return { url: started.url, port: started.port, lines, bus, readiness, intake, crash };
}

describe('gateway routes', () => {
  it('invokes the route function with a payload 2.0 event and writes its response back', async () => {
    const { url, port, intake } = await gateway();
    const response = await fetch(`${url}/forms/tally?ref=ad`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'a=1' },
      body: '{"email":"ada@example.com"}',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: true });
    expect(response.headers.getSetCookie()).toEqual(['first=1', 'second=2; HttpOnly']);
    expect(response.headers.get('apigw-requestid')).toBeTruthy();

    const [event] = intake.events;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /forms/{source}',
      rawPath: '/forms/tally',
      rawQueryString: 'ref=ad',
      queryStringParameters: { ref: 'ad' },
      pathParameters: { source: 'tally' },
      cookies: ['a=1'],
      body: '{"email":"ada@example.com"}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/forms/tally', sourceIp: '127.0.0.1' },
        requestId: response.headers.get('apigw-requestid'),
        stage: '$default',
      },
    });
    expect(event?.headers['x-forwarded-port']).toBe(String(port));
  });

  it('joins repeated request headers with commas', async () => {
    const { port, intake } = await gateway();
    await new Promise<void>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/forms/webflow' },
        (response) => {
          response.resume();
          response.on('end', resolve);
        },
      );
      // An array value is sent as one header line per value.
      request.setHeader('X-Tag', ['a', 'b']);
      request.setHeader('Content-Type', 'application/json');
      request.on('error', reject);
      request.end('{}');
    });
    expect(intake.events[0]?.headers['x-tag']).toBe('a,b');
  });

  it('answers 404 problem+json when no route matches', async () => {
    const { url } = await gateway();
    const response = await fetch(`${url}/nowhere`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('answers 405 with Allow when the path exists for another method', async () => {
    const { url } = await gateway();
    const response = await fetch(`${url}/forms/tally`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({ status: 405, title: 'Method Not Allowed' });
  });

  it('answers 413 for a body over the limit without invoking the function', async () => {
    const { url, intake } = await gateway();
    const response = await fetch(`${url}/forms/tally`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(256 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413 });
    expect(intake.events).toHaveLength(0);
  });

  it('counts a streamed body without Content-Length against the limit too', async () => {
    const { url, intake } = await gateway({ bodyLimitBytes: 1024 });
    const chunks = [new Uint8Array(800), new Uint8Array(800)];
    const body = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${url}/forms/tally`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(intake.events).toHaveLength(0);
  });

  it('accepts a body right at the limit', async () => {
    const { url, intake } = await gateway({ bodyLimitBytes: 1024 });
    const response = await fetch(`${url}/forms/tally`, { method: 'POST', body: 'x'.repeat(1024) });
    expect(response.status).toBe(202);
    expect(intake.events).toHaveLength(1);
  });

  it('answers 500 problem+json with the request id when the function throws, logging no body', async () => {
    const { url, lines } = await gateway();
    const response = await fetch(`${url}/crash`, { method: 'POST', body: 'secret-personal-data' });
    expect(response.status).toBe(500);
    const problem = (await response.json()) as { requestId: string };
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
    expect(problem.requestId).toBe(response.headers.get('apigw-requestid'));
    expect(lines.some((line) => line.includes('500') && line.includes(problem.requestId))).toBe(true);
    expect(lines.join('\n')).not.toContain('secret-personal-data');
  });

  it('answers 503 on routes until every part is ready', async () => {
    const { url, intake } = await gateway({ ready: false });
    const response = await fetch(`${url}/forms/tally`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(intake.events).toHaveLength(0);
  });
});

describe('gateway built-in endpoints', () => {
  it('GET /health is 503 while starting and 200 once every part is ready', async () => {
    const { url, readiness } = await gateway({ ready: false });
    const starting = await fetch(`${url}/health`);
    expect(starting.status).toBe(503);
    expect(await starting.json()).toMatchObject({ status: 'starting', parts: { dynamodb: 'starting' } });
    for (const part of RUNTIME_PARTS) readiness.markReady(part);
    const ready = await fetch(`${url}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      parts: { dynamodb: 'ready', ses: 'ready', eventbridge: 'ready', functions: 'ready' },
    });
  });

  it('GET /_local/events lists the events put on the bus, oldest first, as delivered', async () => {
    const { url, bus } = await gateway();
    const first = bus.put({ source: 'leadflow', detailType: 'One', detail: { n: 1 } });
    const second = bus.put({ source: 'leadflow', detailType: 'Two', detail: { n: 2 } });
    const response = await fetch(`${url}/_local/events`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { id: first.id, source: 'leadflow', 'detail-type': 'One', time: first.time, detail: { n: 1 } },
      { id: second.id, source: 'leadflow', 'detail-type': 'Two', time: second.time, detail: { n: 2 } },
    ]);
  });

  it('GET /_local/dead-letters lists what the bus gave up on', async () => {
    const { url } = await gateway();
    const response = await fetch(`${url}/_local/dead-letters`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it('answers 405 to other methods on the built-in paths', async () => {
    const { url } = await gateway();
    const response = await fetch(`${url}/health`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
