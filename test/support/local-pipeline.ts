import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  LOCAL_ACCOUNT_ID,
  LOCAL_EVENT_BUS_NAME,
  type LocalRuntime,
  startLocalRuntime,
} from '#infra/local/runtime.ts';
import { scheduledEvent } from '#infra/local/scheduler.ts';
import type { Activity } from '#shared/activity/activity.ts';
import { recordAndAnnounceActivity } from '#shared/activity/record-activity.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
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

  /** `env` is set for the functions last: the notification addresses of a deployment, the send rate… */
  static async start(options: { env?: Readonly<Record<string, string>> } = {}): Promise<LocalPipeline> {
    return new LocalPipeline(
      await startLocalRuntime({
        ports: { gateway: 0, dynamodb: 0, ses: 0, eventbridge: 0 },
        inMemory: true,
        ...(options.env ? { env: options.env } : {}),
      }),
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

  /** Calls an admin route with the local admin token (or the given one) as a sales person would. */
  async admin(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    token = process.env.LEADFLOW_ADMIN_TOKEN,
  ) {
    const response = await fetch(`${this.runtime.urls.gateway}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  /**
   * Records an engagement signal (a page visit, a webinar attended…) the way an intake of such
   * signals does: the activity on the contact in DynamoDB Local, then "Contact Activity Recorded"
   * through PutEvents on the local bus. The contact must exist (a form created it).
   */
  async recordSignal(
    email: string,
    signal: Pick<Activity, 'type' | 'channel'> & Partial<Pick<Activity, 'page' | 'pageCategory'>>,
  ): Promise<void> {
    const contactId = contactIdFor(email);
    const at = new Date().toISOString();
    const activity: Activity = {
      activityId: `a_signal_${Math.random().toString(36).slice(2)}`,
      contactId,
      source: 'test-signal',
      occurredAt: at,
      recordedAt: at,
      ...signal,
    };
    const bus = new EventBridgeClient({
      endpoint: this.runtime.urls.eventbridge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await recordAndAnnounceActivity(
      { contactId, profile: { email }, answers: {}, activity },
      {
        contacts: new DynamoDbContactRepository(this.documents, this.runtime.tableName),
        events: eventBridgePublisher(bus, LOCAL_EVENT_BUS_NAME),
      },
    );
  }

  /** Fires the scheduled re-score of stale scores now, as its schedule would. */
  refreshStaleScores(): Promise<unknown> {
    return this.runtime.invoke(
      'scoreRefresher',
      scheduledEvent({
        ruleName: 'RefreshStaleScores',
        time: new Date(),
        region: 'us-east-1',
        accountId: LOCAL_ACCOUNT_ID,
      }),
    );
  }

  /** The table itself, for a test that sets up what an older version stored. */
  get table(): { documents: DynamoDBDocumentClient; tableName: string } {
    return { documents: this.documents, tableName: this.runtime.tableName };
  }

  /** Every item of the table, straight from DynamoDB Local (small test tables only). */
  async allItems(): Promise<Record<string, any>[]> {
    const items: Record<string, any>[] = [];
    let startKey: Record<string, any> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({ TableName: this.runtime.tableName, ExclusiveStartKey: startKey }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** The contact's profile item, straight from DynamoDB Local. */
  async profile(email: string): Promise<Record<string, any> | undefined> {
    return (await this.contactItems(contactIdFor(email))).find((item) => item.sk === 'PROFILE');
  }
}
