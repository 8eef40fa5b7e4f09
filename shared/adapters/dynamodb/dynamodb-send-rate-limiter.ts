import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SendRateLimiter } from '#shared/nurture/send-rate.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { sendRateKey } from './nurture-keys.ts';
import { conditionalWrite } from './table-adapter.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Slot counters expire a minute after their second: TTL cleans them, nothing reads them again. */
const SLOT_TTL_SECONDS = 60;

/**
 * A send-rate limit shared by every function and invocation: one counter item per second, taken with
 * a conditional increment (`sends < rate`). A full second moves the caller to the next one and it
 * waits for it, so the account never sends more than `ratePerSecond` emails in any second. Each email
 * costs one extra small write, which is cheap next to the email.
 */
export class DynamoDbSendRateLimiter implements SendRateLimiter {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly ratePerSecond: () => Promise<number>;
  private readonly clock: Clock;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(options: {
    client: DynamoDBDocumentClient;
    tableName: string;
    /** A fixed rate, or the account's as SES reports it (asked before each slot). */
    ratePerSecond: number | (() => Promise<number>);
    clock: Clock;
    wait?: (ms: number) => Promise<void>;
  }) {
    this.client = options.client;
    this.tableName = options.tableName;
    const rate = options.ratePerSecond;
    this.ratePerSecond = typeof rate === 'number' ? async () => rate : rate;
    this.clock = options.clock;
    this.wait = options.wait ?? sleep;
  }

  async acquire(maxWaitMs: number): Promise<boolean> {
    const nowMs = this.clock().getTime();
    const lastAcceptable = Math.floor((nowMs + maxWaitMs) / 1000);
    const rate = await this.ratePerSecond();
    for (let second = Math.floor(nowMs / 1000); second <= lastAcceptable; second += 1) {
      if (!(await this.take(second, rate))) continue;
      const waitMs = second * 1000 - this.clock().getTime();
      if (waitMs > 0) await this.wait(waitMs);
      return true;
    }
    return false;
  }

  private take(second: number, rate: number): Promise<boolean> {
    return conditionalWrite(
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sendRateKey(second),
          UpdateExpression: 'ADD sends :one SET expiresAt = :expiresAt',
          ConditionExpression: 'attribute_not_exists(sends) OR sends < :rate',
          ExpressionAttributeValues: {
            ':one': 1,
            ':rate': rate,
            ':expiresAt': second + SLOT_TTL_SECONDS,
          },
        }),
      ),
    );
  }
}
