import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSesClient } from '#shared/adapters/ses-client.ts';
import { sesMailer } from '#shared/adapters/ses-mailer.ts';

const email = { to: 'jane@acme-industries.com', subject: 'Hello', html: '<p>Hello</p>', text: 'Hello' };

// A real SDK client against a stand-in endpoint (no mock): this proves the client's own retry policy.
describe('createSesClient', () => {
  let server: Server;
  let requests = 0;
  const previous = { ...process.env };

  beforeEach(async () => {
    requests = 0;
    // A stand-in SES endpoint that throttles the first two attempts, as SES does past the sending rate.
    server = createServer((request, response) => {
      request.resume();
      requests += 1;
      if (requests <= 2) {
        response.writeHead(429, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'TooManyRequestsException',
        });
        response.end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ MessageId: 'm-after-backoff' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
  });

  afterEach(async () => {
    process.env = { ...previous };
    await new Promise((resolve) => server.close(resolve));
  });

  it('retries throttled sends with backoff until SES accepts', async () => {
    const mailer = sesMailer(createSesClient(), { from: 'leads@example.com' });
    expect(await mailer.send(email)).toEqual({ messageId: 'm-after-backoff' });
    expect(requests).toBe(3);
  });
});
