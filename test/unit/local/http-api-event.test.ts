import { describe, expect, it } from 'vitest';
import {
  commonLogTime,
  fromHandlerResult,
  type GatewayRequest,
  InvalidHandlerResponseError,
  isTextualContentType,
  toHttpApiEvent,
} from '#infra/local/http-api-event.ts';

const meta = {
  requestId: 'Rq1d3ntAbCdEfG=',
  receivedAt: new Date('2026-03-12T19:03:58.390Z'),
  accountId: '000000000000',
  apiId: 'local',
};
const route = { routeKey: 'POST /forms/{source}', pathParameters: { source: 'tally' } };

function request(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'POST',
    url: '/forms/tally',
    rawHeaders: ['Host', 'localhost:3000', 'User-Agent', 'curl/8.5.0', 'Content-Type', 'application/json'],
    body: Buffer.from('{"email":"ada@example.com"}'),
    sourceIp: '127.0.0.1',
    httpVersion: '1.1',
    localPort: 3000,
    ...overrides,
  };
}

describe('toHttpApiEvent', () => {
  it('builds a payload 2.0 event for a JSON post', () => {
    expect(toHttpApiEvent(request(), route, meta)).toEqual({
      version: '2.0',
      routeKey: 'POST /forms/{source}',
      rawPath: '/forms/tally',
      rawQueryString: '',
      headers: {
        host: 'localhost:3000',
        'user-agent': 'curl/8.5.0',
        'content-type': 'application/json',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-port': '3000',
      },
      pathParameters: { source: 'tally' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: {
          method: 'POST',
          path: '/forms/tally',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'curl/8.5.0',
        },
        requestId: 'Rq1d3ntAbCdEfG=',
        routeKey: 'POST /forms/{source}',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: 1773342238390,
      },
      body: '{"email":"ada@example.com"}',
      isBase64Encoded: false,
    });
  });

  it('keeps the raw path and query, and decodes query parameters, joining repeats with commas', () => {
    const event = toHttpApiEvent(
      request({ url: '/forms/web%20flow?tag=a&tag=b&q=hello%20world&plus=a+b&empty' }),
      route,
      meta,
    );
    expect(event.rawPath).toBe('/forms/web%20flow');
    expect(event.requestContext.http.path).toBe('/forms/web%20flow');
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=hello%20world&plus=a+b&empty');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b', q: 'hello world', plus: 'a b', empty: '' });
  });

  it('leaves out queryStringParameters, pathParameters, cookies and body when there are none', () => {
    const event = toHttpApiEvent(
      request({ method: 'GET', url: '/health', body: Buffer.alloc(0), rawHeaders: ['Host', 'localhost'] }),
      { routeKey: 'GET /health', pathParameters: {} },
      meta,
    );
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('body');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.http.userAgent).toBe('');
  });

  it('lower-cases header names and joins repeated headers with commas', () => {
    const event = toHttpApiEvent(
      request({
        rawHeaders: ['X-Trace', 'one', 'x-trace', 'two', 'Accept', 'text/html', 'ACCEPT', 'application/json'],
      }),
      route,
      meta,
    );
    expect(event.headers['x-trace']).toBe('one,two');
    expect(event.headers.accept).toBe('text/html,application/json');
  });

  it('moves cookies out of the headers into the cookies list', () => {
    const event = toHttpApiEvent(
      request({
        rawHeaders: ['Cookie', 'session=abc; theme=dark', 'Cookie', 'consent=yes', 'Host', 'localhost'],
      }),
      route,
      meta,
    );
    expect(event.cookies).toEqual(['session=abc', 'theme=dark', 'consent=yes']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('appends the client to an existing x-forwarded-for and keeps forwarded headers it was sent', () => {
    const event = toHttpApiEvent(
      request({
        rawHeaders: ['X-Forwarded-For', '203.0.113.9', 'X-Forwarded-Proto', 'https'],
        sourceIp: '10.0.0.2',
      }),
      route,
      meta,
    );
    expect(event.headers['x-forwarded-for']).toBe('203.0.113.9, 10.0.0.2');
    expect(event.headers['x-forwarded-proto']).toBe('https');
  });

  it.each([
    ['multipart/form-data; boundary=----x', 'part'],
    ['application/octet-stream', 'bytes'],
    ['application/x-www-form-urlencoded', 'email=ada%40example.com'],
  ])('base64-encodes a %s body, as HTTP API does', (contentType, body) => {
    const event = toHttpApiEvent(
      request({ rawHeaders: ['Content-Type', contentType], body: Buffer.from(body) }),
      route,
      meta,
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(Buffer.from(body).toString('base64'));
  });

  it('base64-encodes a body sent without a content type', () => {
    const event = toHttpApiEvent(request({ rawHeaders: [], body: Buffer.from([0xff, 0x00]) }), route, meta);
    expect(event).toMatchObject({ isBase64Encoded: true, body: '/wA=' });
  });

  it('passes text bodies through as UTF-8', () => {
    const event = toHttpApiEvent(
      request({ rawHeaders: ['Content-Type', 'text/plain; charset=utf-8'], body: Buffer.from('Grüße 👋') }),
      route,
      meta,
    );
    expect(event).toMatchObject({ isBase64Encoded: false, body: 'Grüße 👋' });
  });

  it('keeps only the path of an absolute-form request target', () => {
    const event = toHttpApiEvent(request({ url: 'http://localhost:3000/forms/tally?x=1' }), route, meta);
    expect(event.rawPath).toBe('/forms/tally');
    expect(event.rawQueryString).toBe('x=1');
  });

  it('takes the domain name from the Host header without its port', () => {
    const event = toHttpApiEvent(request({ rawHeaders: ['Host', 'forms.leadflow.test:8443'] }), route, meta);
    expect(event.requestContext.domainName).toBe('forms.leadflow.test');
    expect(event.requestContext.domainPrefix).toBe('forms');
  });
});

describe('isTextualContentType', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['text/html', true],
    ['text/csv', true],
    ['application/xml', true],
    ['application/javascript', true],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/octet-stream', false],
    ['image/png', false],
    [undefined, false],
  ])('%s → %s', (contentType, textual) => {
    expect(isTextualContentType(contentType)).toBe(textual);
  });
});

describe('commonLogTime', () => {
  it('pads every field and always says +0000', () => {
    expect(commonLogTime(new Date('2026-01-05T03:04:05Z'))).toBe('05/Jan/2026:03:04:05 +0000');
  });
});

describe('fromHandlerResult', () => {
  it('maps a structured result field by field, cookies to set-cookie', () => {
    const response = fromHandlerResult({
      statusCode: 202,
      headers: { 'content-type': 'application/json', 'x-count': 3, 'x-cached': false },
      cookies: ['a=1; Path=/', 'b=2'],
      body: '{"accepted":true}',
    });
    expect(response.statusCode).toBe(202);
    expect(response.headers).toEqual({
      'content-type': 'application/json',
      'x-count': '3',
      'x-cached': 'false',
    });
    expect(response.cookies).toEqual(['a=1; Path=/', 'b=2']);
    expect(response.body.toString()).toBe('{"accepted":true}');
  });

  it('decodes a base64 body', () => {
    const response = fromHandlerResult({
      statusCode: 200,
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
    });
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('answers an empty body when the structured result has none', () => {
    const response = fromHandlerResult({ statusCode: 204 });
    expect(response).toEqual({ statusCode: 204, headers: {}, cookies: [], body: Buffer.alloc(0) });
  });

  it('treats a string result as a 200 JSON response with that body', () => {
    const response = fromHandlerResult('Hello from Lambda!');
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    expect(response.body.toString()).toBe('Hello from Lambda!');
  });

  it('treats an object without statusCode as the JSON body of a 200', () => {
    const response = fromHandlerResult({ message: 'hi', body: 'not a field here' });
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ message: 'hi', body: 'not a field here' });
  });

  it('answers null for a handler that returned nothing', () => {
    expect(fromHandlerResult(undefined).body.toString()).toBe('null');
  });

  it.each([
    [{ statusCode: '200' }],
    [{ statusCode: 99 }],
    [{ statusCode: 200, body: { not: 'a string' } }],
    [{ statusCode: 200, headers: { x: { nested: true } } }],
    [{ statusCode: 200, cookies: 'a=1' }],
  ])('rejects a malformed structured result %j', (result) => {
    expect(() => fromHandlerResult(result)).toThrow(InvalidHandlerResponseError);
  });
});
