import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
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

  /** `env` overrides settings of the declared functions (e.g. the send rate) for one test file. */
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
