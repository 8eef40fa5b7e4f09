import {
  EventBridgeClient,
  EventBridgeServiceException,
  InvalidEventPatternException,
  PutEventsCommand,
  type PutEventsRequestEntry,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventBridgeEndpoint, startEventBridgeEndpoint } from '#infra/local/eventbridge/endpoint.ts';
import { type EventBridgeEvent, LocalEventBus } from '#infra/local/eventbridge/local-event-bus.ts';

/**
 * The local EventBridge endpoint driven by the real AWS SDK client, proving that function code which
 * calls EventBridge in AWS works locally with nothing but a different endpoint.
 */

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

let bus: LocalEventBus;
let endpoint: EventBridgeEndpoint;
let client: EventBridgeClient;

function sdkClient(endpointUrl?: string): EventBridgeClient {
  return new EventBridgeClient({
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
  });
}

function entry(overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry {
  return {
    EventBusName: 'leadflow',
    Source: 'leadflow',
    DetailType: 'Contact Scored',
    Detail: JSON.stringify({ contactId: 'c-1', score: 42 }),
    ...overrides,
  };
}

function sampleEvent(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'e-1',
    account: ACCOUNT,
    source: 'leadflow',
    time: '2024-05-01T10:00:00Z',
    region: REGION,
    resources: [],
    'detail-type': 'Contact Scored',
    detail: { score: 42 },
    ...overrides,
  });
}

beforeEach(async () => {
  bus = new LocalEventBus({ name: 'leadflow', accountId: ACCOUNT, region: REGION, retryDelaysMs: [5, 5] });
  endpoint = await startEventBridgeEndpoint({ host: '127.0.0.1', port: 0, buses: bus });
  client = sdkClient(endpoint.url);
});

afterEach(async () => {
  client.destroy();
  await endpoint.close();
});

describe('the endpoint itself', () => {
  it('listens on the real port when asked for port 0', () => {
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });

  it('answers an unknown operation with UnknownOperationException in the JSON 1.1 error shape', async () => {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.ListRules' },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({
      __type: 'UnknownOperationException',
      message: 'Unknown operation AWSEvents.ListRules.',
    });
  });
});

describe('PutEvents', () => {
  it('delivers to the matching rule and not to the others', async () => {
    const scored: EventBridgeEvent[] = [];
    const qualified: EventBridgeEvent[] = [];
    bus.addRule({
      name: 'on-scored',
      pattern: { 'detail-type': ['Contact Scored'] },
      target: async (e) => void scored.push(e),
    });
    bus.addRule({
      name: 'on-qualified',
      pattern: { 'detail-type': ['Prospect Qualified'] },
      target: async (e) => void qualified.push(e),
    });

    const response = await client.send(new PutEventsCommand({ Entries: [entry()] }));
    await bus.idle();

    expect(response.FailedEntryCount).toBe(0);
    expect(scored).toHaveLength(1);
    expect(scored[0]).toMatchObject({
      id: response.Entries?.[0]?.EventId,
      source: 'leadflow',
      'detail-type': 'Contact Scored',
      account: ACCOUNT,
      region: REGION,
      detail: { contactId: 'c-1', score: 42 },
    });
    expect(qualified).toEqual([]);
  });

  it('keeps the Time and Resources an entry gives', async () => {
    await client.send(
      new PutEventsCommand({
        Entries: [entry({ Time: new Date('2024-05-01T10:00:00Z'), Resources: ['arn:aws:x:1'] })],
      }),
    );

    expect(bus.events()[0]).toMatchObject({ time: '2024-05-01T10:00:00Z', resources: ['arn:aws:x:1'] });
  });

  it('reports a malformed entry per entry, with HTTP 200, and still puts the good ones', async () => {
    const response = await client.send(
      new PutEventsCommand({
        Entries: [
          entry(),
          entry({ Detail: '{not json' }),
          entry({ Detail: '"a string"' }),
          entry({ Source: undefined }),
        ],
      }),
    );

    expect(response.$metadata.httpStatusCode).toBe(200);
    expect(response.FailedEntryCount).toBe(3);
    expect(response.Entries?.[0]?.EventId).toBe(bus.events()[0]?.id);
    expect(response.Entries?.slice(1)).toEqual([
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.',
      },
    ]);
    expect(bus.events()).toHaveLength(1);
  });

  it('resolves the bus by ARN and fails entries for a bus that does not exist', async () => {
    const response = await client.send(
      new PutEventsCommand({
        Entries: [entry({ EventBusName: bus.arn }), entry({ EventBusName: 'elsewhere' })],
      }),
    );

    expect(response.FailedEntryCount).toBe(1);
    expect(response.Entries?.[0]?.EventId).toBeDefined();
    expect(response.Entries?.[1]).toEqual({
      ErrorCode: 'ResourceNotFoundException',
      ErrorMessage: 'Event bus elsewhere does not exist.',
    });
  });

  it('puts entries that name no bus on the default bus', async () => {
    const other = new LocalEventBus({ name: 'audit', accountId: ACCOUNT, region: REGION });
    const both = await startEventBridgeEndpoint({
      host: '127.0.0.1',
      port: 0,
      buses: new Map([
        ['leadflow', bus],
        ['audit', other],
      ]),
      defaultBusName: 'audit',
    });
    const bothClient = sdkClient(both.url);
    try {
      await bothClient.send(new PutEventsCommand({ Entries: [entry({ EventBusName: undefined })] }));
      expect(other.events()).toHaveLength(1);
      expect(bus.events()).toHaveLength(0);
    } finally {
      bothClient.destroy();
      await both.close();
    }
  });

  it('refuses more than 10 entries with a ValidationException, as AWS does', async () => {
    const request = client.send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => entry()) }));

    await expect(request).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(bus.events()).toEqual([]);
  });

  it('refuses a request over 256 KB', async () => {
    const large = JSON.stringify({ text: 'x'.repeat(140 * 1024) });
    const request = client.send(
      new PutEventsCommand({ Entries: [entry({ Detail: large }), entry({ Detail: large })] }),
    );

    await expect(request).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
  });

  it('finds the endpoint through AWS_ENDPOINT_URL_EVENTBRIDGE', async () => {
    const previous = process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = endpoint.url;
    const fromEnvironment = sdkClient();
    try {
      const response = await fromEnvironment.send(new PutEventsCommand({ Entries: [entry()] }));
      expect(response.Entries?.[0]?.EventId).toBe(bus.events()[0]?.id);
    } finally {
      fromEnvironment.destroy();
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
      else process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = previous;
    }
  });
});

describe('TestEventPattern', () => {
  it('says whether the event matches', async () => {
    const pattern = JSON.stringify({ source: ['leadflow'], detail: { score: [{ numeric: ['>=', 40] }] } });

    const yes = await client.send(
      new TestEventPatternCommand({ EventPattern: pattern, Event: sampleEvent() }),
    );
    const no = await client.send(
      new TestEventPatternCommand({ EventPattern: pattern, Event: sampleEvent({ detail: { score: 39 } }) }),
    );

    expect(yes.Result).toBe(true);
    expect(no.Result).toBe(false);
  });

  it('throws InvalidEventPatternException for an invalid pattern', async () => {
    const request = client.send(
      new TestEventPatternCommand({
        EventPattern: JSON.stringify({ source: 'leadflow' }),
        Event: sampleEvent(),
      }),
    );

    await expect(request).rejects.toBeInstanceOf(InvalidEventPatternException);
    await expect(request).rejects.toThrow(
      'Event pattern is not valid. Reason: "source" must be an object or an array',
    );
  });

  it('throws InvalidEventPatternException for a pattern that is not JSON', async () => {
    const request = client.send(
      new TestEventPatternCommand({ EventPattern: "{'bad': 'quotation'}", Event: sampleEvent() }),
    );

    await expect(request).rejects.toBeInstanceOf(InvalidEventPatternException);
  });

  it('refuses an event without the mandatory envelope fields', async () => {
    const event = JSON.parse(sampleEvent()) as Record<string, unknown>;
    delete event['detail-type'];
    const request = client.send(
      new TestEventPatternCommand({ EventPattern: '{"source": ["leadflow"]}', Event: JSON.stringify(event) }),
    );

    await expect(request).rejects.toBeInstanceOf(EventBridgeServiceException);
    await expect(request).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('detail-type'),
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('delivery through the endpoint', () => {
  it('retries a failing target and then dead-letters the event', async () => {
    let calls = 0;
    bus.addRule({
      name: 'broken',
      pattern: { source: ['leadflow'] },
      target: async () => {
        calls += 1;
        throw new Error('downstream unavailable');
      },
    });

    const response = await client.send(new PutEventsCommand({ Entries: [entry()] }));
    await bus.idle();

    expect(response.FailedEntryCount).toBe(0);
    expect(calls).toBe(3);
    expect(bus.deadLetters()).toEqual([
      expect.objectContaining({ ruleName: 'broken', errorMessage: 'downstream unavailable', attempts: 3 }),
    ]);
  });

  it('idle() waits for a chain in which a target puts the next event through the SDK', async () => {
    const finished: EventBridgeEvent[] = [];
    bus.addRule({
      name: 'score-contact',
      pattern: { 'detail-type': ['Contact Activity Recorded'] },
      target: async () => {
        await client.send(new PutEventsCommand({ Entries: [entry({ DetailType: 'Contact Scored' })] }));
      },
    });
    bus.addRule({
      name: 'qualify-prospect',
      pattern: { 'detail-type': ['Contact Scored'] },
      target: async () => {
        await client.send(new PutEventsCommand({ Entries: [entry({ DetailType: 'Prospect Qualified' })] }));
      },
    });
    bus.addRule({
      name: 'notify-sales',
      pattern: { 'detail-type': ['Prospect Qualified'] },
      target: async (event) => void finished.push(event),
    });

    await client.send(
      new PutEventsCommand({ Entries: [entry({ DetailType: 'Contact Activity Recorded' })] }),
    );
    await bus.idle();

    expect(finished.map((event) => event['detail-type'])).toEqual(['Prospect Qualified']);
    expect(bus.events().map((event) => event['detail-type'])).toEqual([
      'Contact Activity Recorded',
      'Contact Scored',
      'Prospect Qualified',
    ]);
  });
});
