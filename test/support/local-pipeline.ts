import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_EVENT_BUS_NAME, type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { signedHeaders } from './signed-request.ts';

export interface LocalEvent {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: Record<string, any>;
}

export interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/**
 * The whole pipeline on the local runtime (DynamoDB Local, SES local, the local bus, the gateway),
 * driven as a website and an operator would: over HTTP, reading what was stored, put and sent.
 */
export class LocalPipeline {
  readonly runtime: LocalRuntime;
  private readonly documents: DynamoDBDocumentClient;

  private constructor(runtime: LocalRuntime) {
    this.runtime = runtime;
    this.documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: runtime.urls.dynamodb,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
  }

  static async start(): Promise<LocalPipeline> {
    return new LocalPipeline(
      await startLocalRuntime({ ports: { gateway: 0, dynamodb: 0, ses: 0, eventbridge: 0 }, inMemory: true }),
    );
  }

  stop(): Promise<void> {
    return this.runtime.stop();
  }

  /** Posts a Standard Webhooks-signed submission with the local dev secret. */
  async postForm(submission: unknown, options: { id?: string; secret?: string } = {}) {
    const body = JSON.stringify(submission);
    const secret = options.secret ?? process.env.WEBHOOK_SECRET_GENERIC;
    const response = await fetch(`${this.runtime.urls.gateway}/forms/generic`, {
      method: 'POST',
      headers: signedHeaders(body, { id: options.id, secret }),
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  /** Any request to the gateway, as a website or a form tool would send it. */
  async request(
    method: string,
    path: string,
    options: { body?: string | Uint8Array | FormData; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(`${this.runtime.urls.gateway}${path}`, {
      method,
      headers: options.headers,
      body: options.body,
      redirect: 'manual',
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : text) as any,
    };
  }

  /** Puts an event on the local bus with the real EventBridge client, as an integration would. */
  async putEvent(source: string, detailType: string, detail: unknown): Promise<void> {
    const client = new EventBridgeClient({
      endpoint: this.runtime.urls.eventbridge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const result = await client.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: LOCAL_EVENT_BUS_NAME,
              Source: source,
              DetailType: detailType,
              Detail: JSON.stringify(detail),
            },
          ],
        }),
      );
      if (result.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(result.Entries)}`);
    } finally {
      client.destroy();
    }
  }

  /** Waits until every event put so far, and every event its consumers put, has been handled. */
  settled(): Promise<void> {
    return this.runtime.bus.idle();
  }

  async events(detailType?: string): Promise<LocalEvent[]> {
    const events = (await (await fetch(`${this.runtime.urls.gateway}/_local/events`)).json()) as LocalEvent[];
    return detailType ? events.filter((event) => event['detail-type'] === detailType) : events;
  }

  async emailsTo(address: string): Promise<StoredEmail[]> {
    const store = (await (await fetch(`${this.runtime.urls.ses}/store`)).json()) as { emails: StoredEmail[] };
    return store.emails.filter((email) => email.destination.to.includes(address));
  }

  /** Every item of a contact's partition, straight from DynamoDB Local. */
  async contactItems(contactId: string): Promise<Record<string, any>[]> {
    const result = await this.documents.send(
      new QueryCommand({
        TableName: this.runtime.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CONTACT#${contactId}` },
      }),
    );
    return result.Items ?? [];
  }
}
