import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConsoleSite } from '#infra/local/console-site.ts';
import { LocalEventBus } from '#infra/local/eventbridge/local-event-bus.ts';
import { type Gateway, startGateway } from '#infra/local/gateway.ts';
import type { LocalFunction } from '#infra/local/lambda/local-function.ts';
import { createReadiness, RUNTIME_PARTS } from '#infra/local/readiness.ts';

let gateway: Gateway;
const invoked: unknown[] = [];

beforeAll(async () => {
  const readiness = createReadiness();
  for (const part of RUNTIME_PARTS) readiness.markReady(part);
  const admin: LocalFunction = {
    name: 'admin',
    declaration: { entry: 'none.ts', description: 'admin', triggers: [], access: {} },
    async invoke(event) {
      invoked.push(event);
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"version":"m"}' };
    },
  };
  gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    routes: [{ method: 'GET', path: '/admin/model', target: admin }],
    readiness,
    bus: new LocalEventBus({ name: 'test-bus', accountId: '000000000000', region: 'us-east-1' }),
    accountId: '000000000000',
    log: () => {},
    site: localConsoleSite(),
  });
});

afterAll(() => gateway.close());

describe('the console served by the local gateway', () => {
  it('serves the page at / with the security headers, never cached', async () => {
    const response = await fetch(`${gateway.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const page = await response.text();
    const script = /src="\.(\/assets\/main-[A-Z0-9]+\.js)"/.exec(page)?.[1];
    const stylesheet = /href="\.(\/assets\/main-[A-Z0-9]+\.css)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect(stylesheet).toBeDefined();

    const asset = await fetch(`${gateway.url}${script}`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await asset.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`${gateway.url}${stylesheet}`)).status).toBe(200);
  });

  it('tells the console to sign in with the admin token alone', async () => {
    expect(await (await fetch(`${gateway.url}/config.json`)).json()).toEqual({ signIn: { kind: 'token' } });
  });

  it('answers HEAD without a body, and leaves other methods and paths to the routes', async () => {
    const head = await fetch(`${gateway.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${gateway.url}/`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`${gateway.url}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${gateway.url}/admin/model`);
    expect(await api.json()).toEqual({ version: 'm' });
    expect(invoked).toHaveLength(1);
  });
});
