import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning } from '#infra/local/dynamodb/orphan-guard.ts';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { scheduledEvent } from '#infra/local/scheduler.ts';
import { FIXTURE_DETAIL_TYPE, FIXTURE_SOURCE, fixtureFunctions } from '../fixtures/local/functions.ts';

const FREE_PORTS = { gateway: 0, dynamodb: 0, ses: 0, eventbridge: 0 };
const endpointBefore = process.env.AWS_ENDPOINT_URL_DYNAMODB;

function adminClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

describe('the local runtime, with fixture functions', () => {
  let runtime: LocalRuntime;
  let dynamodb: DynamoDBClient;
  const lines: string[] = [];

  beforeAll(async () => {
    const started = performance.now();
    runtime = await startLocalRuntime({
      ports: FREE_PORTS,
      inMemory: true,
      functions: fixtureFunctions,
      log: (line) => lines.push(line),
    });
    console.log(`startLocalRuntime took ${Math.round(performance.now() - started)} ms`);
    dynamodb = adminClient(runtime.urls.dynamodb);
  });

  afterAll(async () => {
    dynamodb?.destroy();
    await runtime?.stop();
  });

  it('reports every part ready on /health', async () => {
    const response = await fetch(`${runtime.urls.gateway}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      parts: { dynamodb: 'ready', ses: 'ready', eventbridge: 'ready', functions: 'ready' },
    });
  });

  it('sets the SDK endpoint variables and the resource locations before any handler runs', () => {
    expect(process.env).toMatchObject({
      AWS_ENDPOINT_URL_DYNAMODB: runtime.urls.dynamodb,
      AWS_ENDPOINT_URL_SESV2: runtime.urls.ses,
      AWS_ENDPOINT_URL_EVENTBRIDGE: runtime.urls.eventbridge,
      LEADFLOW_TABLE_NAME: runtime.tableName,
      LEADFLOW_EVENT_BUS_NAME: 'leadflow-local',
      LEADFLOW_MAIL_FROM: 'Leadflow <leadflow@example.com>',
      LEADFLOW_PUBLIC_BASE_URL: runtime.urls.gateway,
    });
  });

  it('routes an HTTP request to its function with a payload 2.0 event and a Lambda context', async () => {
    const response = await fetch(`${runtime.urls.gateway}/echo/ada%20lovelace?utm=ad&utm=mail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'theme=dark; consent=yes', 'x-custom': 'yes' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fixture')).toBe('echo');
    expect(response.headers.getSetCookie()).toEqual(['seen=1; Path=/']);
    const { event, context } = (await response.json()) as {
      event: APIGatewayProxyEventV2;
      context: { functionName: string; awsRequestId: string; remainingMs: number };
    };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /echo/{name}',
      rawPath: '/echo/ada%20lovelace',
      rawQueryString: 'utm=ad&utm=mail',
      queryStringParameters: { utm: 'ad,mail' },
      pathParameters: { name: 'ada lovelace' },
      cookies: ['theme=dark', 'consent=yes'],
      body: '{"hello":"world"}',
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'POST /echo/{name}',
        stage: '$default',
        http: { method: 'POST', path: '/echo/ada%20lovelace', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      },
    });
    expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-custom': 'yes' });
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'));
    expect(context.functionName).toBe('echo');
    expect(context.remainingMs).toBeGreaterThan(0);
  });

  it('passes a greedy path parameter whole', async () => {
    const response = await fetch(`${runtime.urls.gateway}/files/2026/03/report.pdf`);
    const { event } = (await response.json()) as { event: APIGatewayProxyEventV2 };
    expect(event.pathParameters).toEqual({ proxy: '2026/03/report.pdf' });
    expect(event).not.toHaveProperty('body');
  });

  it('carries an event put with the real EventBridge client to the rule-bound function, which writes DynamoDB and sends mail', async () => {
    const id = `fx-${Date.now()}`;
    const response = await fetch(`${runtime.urls.gateway}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, to: 'grace@example.com' }),
    });
    expect(response.status).toBe(202);
    const { eventId } = (await response.json()) as { eventId: string };
    await runtime.bus.idle();

    const item = await dynamodb.send(
      new GetItemCommand({
        TableName: runtime.tableName,
        Key: { pk: { S: `FIXTURE#${id}` }, sk: { S: 'RECORD' } },
      }),
    );
    expect(item.Item?.eventId?.S).toBe(eventId);

    const store = (await (await fetch(`${runtime.urls.ses}/store`)).json()) as {
      emails: { from: string; destination: { to: string[] }; subject: string }[];
    };
    expect(store.emails).toContainEqual(
      expect.objectContaining({
        from: 'Leadflow <leadflow@example.com>',
        destination: expect.objectContaining({ to: ['grace@example.com'] }),
        subject: `Fixture ${id}`,
      }),
    );

    const events = (await (await fetch(`${runtime.urls.gateway}/_local/events`)).json()) as Record<
      string,
      unknown
    >[];
    expect(events).toContainEqual({
      id: eventId,
      source: FIXTURE_SOURCE,
      'detail-type': FIXTURE_DETAIL_TYPE,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      detail: { id, to: 'grace@example.com' },
    });
    expect(runtime.bus.deadLetters()).toEqual([]);
  });

  it('creates the contacts table with its keys and TTL', async () => {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: runtime.tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: runtime.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('answers 500 problem+json when a function throws, and logs the error without the body', async () => {
    const response = await fetch(`${runtime.urls.gateway}/fail`, {
      method: 'POST',
      body: 'private@example.com',
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(lines.some((line) => line.includes('fixture failure'))).toBe(true);
    expect(lines.join('\n')).not.toContain('private@example.com');
  });

  it('invokes a scheduled function directly with the scheduled-event envelope', async () => {
    const event = scheduledEvent({
      ruleName: 'FixtureTick',
      time: new Date(),
      region: 'us-east-1',
      accountId: '000000000000',
    });
    expect(await runtime.invoke('tick', event)).toEqual({
      source: 'aws.events',
      detailType: 'Scheduled Event',
    });
  });

  it('refuses a second runtime in the same process', async () => {
    await expect(
      startLocalRuntime({ ports: FREE_PORTS, inMemory: true, functions: fixtureFunctions }),
    ).rejects.toThrow('already running');
  });

  it('stops everything, Java included, restores the environment, and may be stopped twice', async () => {
    const javaPid = runtime.dynamoDbPid;
    expect(await isRunning(javaPid)).toBe(true);
    await runtime.stop();
    await runtime.stop();
    expect(await isRunning(javaPid)).toBe(false);
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(endpointBefore);
    await expect(fetch(`${runtime.urls.gateway}/health`)).rejects.toThrow();
  });
});

describe('the local runtime with data on disk', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'leadflow-local-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function withRuntime<T>(
    fresh: boolean,
    use: (client: DynamoDBClient, tableName: string) => Promise<T>,
  ): Promise<T> {
    const runtime = await startLocalRuntime({
      ports: FREE_PORTS,
      dataDir,
      fresh,
      functions: {},
      log: () => {},
    });
    const client = adminClient(runtime.urls.dynamodb);
    try {
      return await use(client, runtime.tableName);
    } finally {
      client.destroy();
      await runtime.stop();
    }
  }

  it('keeps items between runs, and --fresh starts from an empty table', async () => {
    const key = { pk: { S: 'CONTACT#kept' }, sk: { S: 'PROFILE' } };
    await withRuntime(false, (client, TableName) =>
      client.send(new PutItemCommand({ TableName, Item: key })),
    );
    const kept = await withRuntime(false, (client, TableName) =>
      client.send(new GetItemCommand({ TableName, Key: key })),
    );
    expect(kept.Item).toEqual(key);
    const fresh = await withRuntime(true, (client, TableName) =>
      client.send(new GetItemCommand({ TableName, Key: key })),
    );
    expect(fresh.Item).toBeUndefined();
  });
});
