import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  BreakerState,
  BreakerStore,
  CountedFeedback,
  SendingLedger,
  SendingTotals,
} from '#shared/sending/sending-ledger.ts';
import { breakerKey, sendingFeedbackKey, sendingHourKey } from './nurture-keys.ts';
import { conditionalWrite, TableAdapter } from './table-adapter.ts';

/** Hour counters and feedback markers outlive the longest window the stage config allows (90 days). */
const KEEP_SECONDS = 100 * 86_400;
const FIELD: Readonly<Record<CountedFeedback, 'bounces' | 'complaints'>> = {
  bounce: 'bounces',
  complaint: 'complaints',
};

/** `2026-03-02T09`: the UTC hour a moment falls in, which sorts as time does. */
const hourOf = (at: Date) => at.toISOString().slice(0, 13);
const expiresAt = (at: Date) => Math.floor(at.getTime() / 1000) + KEEP_SECONDS;

/**
 * The sending ledger of one configuration set: one item per UTC hour with `ADD` counters (a send is
 * one small write next to the email), feedback counted once through a marker item written in the
 * same transaction, and a window read as one Query over the hours' sort keys.
 */
export class DynamoDbSendingLedger extends TableAdapter implements SendingLedger {
  private readonly configurationSet: string;

  constructor(client: DynamoDBDocumentClient, tableName: string, configurationSet: string) {
    super(client, tableName);
    this.configurationSet = configurationSet;
  }

  async countSend(at: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: sendingHourKey(this.configurationSet, hourOf(at)),
        UpdateExpression: 'ADD sends :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiresAt(at) },
      }),
    );
  }

  async countFeedback(messageId: string, kind: CountedFeedback, at: Date): Promise<void> {
    const command = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...sendingFeedbackKey(this.configurationSet, messageId, kind),
              countedAt: at.toISOString(),
              expiresAt: expiresAt(at),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: sendingHourKey(this.configurationSet, hourOf(at)),
            UpdateExpression: 'ADD #field :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
            ExpressionAttributeNames: { '#field': FIELD[kind] },
            ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiresAt(at) },
          },
        },
      ],
    });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.client.send(command);
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        // Counted already: a redelivered event.
        if (codes[0] === 'ConditionalCheckFailed') return;
        if (!codes.includes('TransactionConflict') || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
      }
    }
  }

  async totals(from: Date, to: Date): Promise<SendingTotals> {
    const { pk } = sendingHourKey(this.configurationSet, '');
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': pk,
        ':from': sendingHourKey(this.configurationSet, hourOf(from)).sk,
        ':to': sendingHourKey(this.configurationSet, hourOf(to)).sk,
      },
    });
    const sum = (field: string) => items.reduce((total, item) => total + Number(item[field] ?? 0), 0);
    return { sends: sum('sends'), bounces: sum('bounces'), complaints: sum('complaints') };
  }
}

/** The breaker of one configuration set as one item, each write conditional on the version read. */
export class DynamoDbBreakerStore extends TableAdapter implements BreakerStore {
  private readonly configurationSet: string;

  constructor(client: DynamoDBDocumentClient, tableName: string, configurationSet: string) {
    super(client, tableName);
    this.configurationSet = configurationSet;
  }

  async load(): Promise<{ state: BreakerState; version: number }> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: breakerKey(this.configurationSet),
        ConsistentRead: true,
      }),
    );
    if (!Item) return { state: { status: 'closed' }, version: 0 };
    return { state: Item.state as BreakerState, version: Number(Item.version) };
  }

  async save(state: BreakerState, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const written = await conditionalWrite(
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...breakerKey(this.configurationSet),
            entity: 'breaker',
            state,
            version: expectedVersion + 1,
          },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      ),
    );
    return written ? 'saved' : 'conflict';
  }
}
