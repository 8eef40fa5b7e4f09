import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '#infra/wiring/functions.ts';
import type { EventTrigger, HttpTrigger } from '#infra/wiring/types.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/**
 * Property tests over every HTTP route and every event consumer the wiring declares (iterated from
 * the declaration, so a new route or rule is fuzzed without anyone listing it): whatever arrives,
 * a route answers a clear 4xx (problem+json, or the HTML page a browser asked for) and writes
 * nothing, and a consumer either handles the event or fails with a reason (the bus dead-letters it)
 * and writes nothing. Never a 500. Runs are few per route so the suite stays fast on two cores.
 */
const RUNS_PER_ROUTE = 30;
const RUNS_PER_CONSUMER = 25;

const routes = Object.values(functions).flatMap((declaration) =>
  (declaration.triggers as readonly { kind: string }[]).filter(
    (trigger): trigger is HttpTrigger => trigger.kind === 'http',
  ),
);
const consumers = Object.entries(functions).flatMap(([name, declaration]) =>
  (declaration.triggers as readonly { kind: string }[])
    .filter((trigger): trigger is EventTrigger => trigger.kind === 'event')
    .map((trigger) => ({ name, trigger })),
);

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await LocalPipeline.start();
});

afterAll(() => pipeline?.stop());

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,24}$/);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/).map((value) => value.trim());
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----leadflow',
  'multipart/form-data',
  'text/plain',
  'application/xml',
  'application/problem+json',
  '*/*',
  ';;==',
);
/** Bodies of every shape: JSON values, text, raw bytes, and sizes around and past the 256 KB limit. */
const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((json) => json),
  fc
    .jsonValue()
    .map((value) => JSON.stringify({ email: 'fuzz@example.com', formType: 'demo', extra: value })),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }),
  fc.constantFrom(300_000, 262_145, 70_000).map((size) => 'x'.repeat(size)),
  fc.constant('------leadflow\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b\r\n'),
);
const pathSegment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_~.-]{1,40}$/),
  fc.string({ maxLength: 30 }).map((text) => encodeURIComponent(text) || 'x'),
  fc.constantFrom('generic', 'html', 'typeform', 'tally', 'webflow', 'c_0123456789abcdef0123456789abcdef'),
);
const query = fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.string({ maxLength: 40 }), {
  maxKeys: 4,
});

function requestFor(route: HttpTrigger) {
  return fc.record({
    segments: fc.array(pathSegment, { minLength: 3, maxLength: 3 }),
    query,
    headers: fc.dictionary(headerName, headerValue, { maxKeys: 6 }),
    contentType,
    accept: fc.constantFrom(undefined, 'text/html', 'application/json', '*/*'),
    admin: fc.constantFrom('none', 'right', 'wrong'),
    origin: fc.constantFrom(undefined, 'http://localhost:8080', 'https://evil.example', 'null'),
    body: route.method === 'GET' || route.method === 'OPTIONS' ? fc.constant(undefined) : body,
  });
}

function pathOf(route: HttpTrigger, segments: readonly string[], query: Record<string, string>): string {
  let index = 0;
  const path = route.path.replace(/\{\w+\}/g, () => segments[index++] ?? 'x');
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

async function itemCount(): Promise<number> {
  return (await pipeline.allItems()).length;
}

describe('hostile HTTP input, on every declared route', () => {
  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers a clear 4xx and writes nothing, never a 500',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (request) => {
          const headers: Record<string, string> = { ...request.headers };
          if (request.contentType) headers['content-type'] = request.contentType;
          if (request.accept) headers.accept = request.accept;
          if (request.origin) headers.origin = request.origin;
          if (request.admin === 'right') headers.authorization = `Bearer ${process.env.LEADFLOW_ADMIN_TOKEN}`;
          if (request.admin === 'wrong') headers.authorization = 'Bearer not-the-token';
          const before = await itemCount();
          const response = await pipeline.request(
            route.method,
            pathOf(route, request.segments, request.query),
            {
              headers,
              ...(request.body === undefined ? {} : { body: request.body }),
            },
          );
          await pipeline.settled();
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
          if (response.status >= 400) {
            const type = response.headers.get('content-type') ?? '';
            if (/text\/html/.test(type)) {
              expect(request.accept).toBe('text/html');
            } else {
              expect(type).toMatch(/^application\/problem\+json/);
              expect(response.body).toMatchObject({
                // A leadflow problem type, or `about:blank` (RFC 9457: the status says it all) for
                // what the gateway refuses before any function runs (size, unknown path).
                type: expect.stringMatching(/^(urn:leadflow:problem:[a-z-]+|about:blank)$/),
                title: expect.any(String),
                status: response.status,
                detail: expect.any(String),
              });
            }
            expect(await itemCount()).toBe(before);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );
});

/** An event the rule would deliver (its source and detail-type), with a detail from anywhere. */
function eventFor(trigger: EventTrigger) {
  const values = (field: string) => {
    const allowed = trigger.pattern[field];
    return Array.isArray(allowed) && allowed.every((value) => typeof value === 'string')
      ? fc.constantFrom(...(allowed as string[]))
      : fc.string({ maxLength: 20 });
  };
  return fc.record({
    version: fc.constant('0'),
    id: fc.uuid(),
    'detail-type': values('detail-type'),
    source: values('source'),
    account: fc.constant('000000000000'),
    time: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    region: fc.constant('us-east-1'),
    resources: fc.constant([]),
    detail: fc.oneof(
      fc.object(),
      fc.jsonValue(),
      fc.record(
        { version: fc.constant(1), contactId: fc.string(), activityId: fc.string() },
        { requiredKeys: [] },
      ),
    ),
  });
}

describe('hostile events, on every declared consumer', () => {
  it.each(consumers.map(({ name, trigger }) => [`${name} (${trigger.ruleName})`, name, trigger] as const))(
    '%s handles the event or fails with a reason for the dead-letter list, and writes nothing then',
    async (_label, name, trigger) => {
      await fc.assert(
        fc.asyncProperty(eventFor(trigger), async (event) => {
          const before = await itemCount();
          const outcome = await pipeline.runtime.invoke(name, event).then(
            () => undefined,
            (error: unknown) => error,
          );
          if (outcome === undefined) return;
          expect(outcome).toBeInstanceOf(Error);
          expect((outcome as Error).message).not.toBe('');
          expect((outcome as Error).name).not.toMatch(/^(TypeError|ReferenceError|RangeError)$/);
          expect(await itemCount()).toBe(before);
        }),
        { numRuns: RUNS_PER_CONSUMER },
      );
    },
  );
});
