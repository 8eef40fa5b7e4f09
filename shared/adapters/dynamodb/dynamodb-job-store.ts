import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type BulkJob,
  firstSegmentStates,
  type ItemFailure,
  type SegmentState,
} from '#shared/bulk/bulk-job.ts';
import type { JobStore, PieceCommit } from '#shared/bulk/job-store.ts';
import { readPartition } from './contact-partition.ts';

/**
 * Bulk jobs in the contacts table, apart from the contacts:
 *
 *   pk = BULKJOB            sk = <jobId>                 the job and its progress (ids sort by time)
 *   pk = BULKJOB#<jobId>    sk = SEGMENT#<nnnn>          each segment's checkpoint and running total
 *                           sk = FAILURE#<item>          each failed item with its reason
 *
 * Everything of a job expires with the table's TTL a month after it started: a job is an operation's
 * record, not data to keep (a simulation's examples name contacts).
 */
const JOBS_PK = 'BULKJOB';
const jobPartition = (jobId: string) => `BULKJOB#${jobId}`;
const segmentSk = (segment: number) => `SEGMENT#${String(segment).padStart(4, '0')}`;
const JOB_TTL_SECONDS = 30 * 86_400;
const BATCH_WRITE_LIMIT = 25;

export class DynamoDbJobStore implements JobStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async create(job: BulkJob): Promise<void> {
    const expiresAt = Math.floor(Date.parse(job.createdAt) / 1000) + JOB_TTL_SECONDS;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: JOBS_PK, sk: job.jobId, ...job, expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    const segments = firstSegmentStates(job).map((state) => ({
      pk: jobPartition(job.jobId),
      sk: segmentSk(state.segment),
      ...state,
      expiresAt,
    }));
    await this.batchPut(segments);
  }

  async get(jobId: string): Promise<BulkJob | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: JOBS_PK, sk: jobId }, ConsistentRead: true }),
    );
    return Item ? jobFromItem(Item) : undefined;
  }

  async list(limit: number): Promise<BulkJob[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': JOBS_PK },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(jobFromItem);
  }

  async segments(jobId: string): Promise<SegmentState[]> {
    const items = await readPartition(this.client, this.tableName, jobPartition(jobId), 'SEGMENT#');
    return items.map(segmentFromItem);
  }

  async segment(jobId: string, segment: number): Promise<SegmentState | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: jobPartition(jobId), sk: segmentSk(segment) },
        ConsistentRead: true,
      }),
    );
    return Item ? segmentFromItem(Item) : undefined;
  }

  async commitPiece(commit: PieceCommit): Promise<'committed' | 'stale'> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: jobPartition(commit.jobId), sk: segmentSk(commit.segment) },
                UpdateExpression: `SET piece = :next, finished = :finished, #partial = :partial, updatedAt = :at${
                  commit.cursor === undefined ? '' : ', #cursor = :cursor'
                } ADD done :done, failed :failed${commit.cursor === undefined ? ' REMOVE #cursor' : ''}`,
                ConditionExpression: 'piece = :piece AND finished = :false',
                ExpressionAttributeNames: { '#partial': 'partial', '#cursor': 'cursor' },
                ExpressionAttributeValues: {
                  ':next': commit.piece + 1,
                  ':piece': commit.piece,
                  ':finished': commit.finished,
                  ':false': false,
                  ':partial': commit.partial,
                  ':at': commit.at,
                  ':done': commit.done,
                  ':failed': commit.failed,
                  ...(commit.cursor === undefined ? {} : { ':cursor': commit.cursor }),
                },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: JOBS_PK, sk: commit.jobId },
                UpdateExpression: 'ADD done :done, failed :failed, segmentsDone :segmentsDone',
                ExpressionAttributeValues: {
                  ':done': commit.done,
                  ':failed': commit.failed,
                  ':segmentsDone': commit.finished ? 1 : 0,
                },
              },
            },
          ],
        }),
      );
      return 'committed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      if (error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return 'stale';
      throw error;
    }
  }

  async recordFailures(jobId: string, failures: readonly ItemFailure[]): Promise<void> {
    const expiresAt = Math.floor(Date.now() / 1000) + JOB_TTL_SECONDS;
    // The same item failing twice (a repeated piece) keeps one record: the key is the item.
    const unique = new Map(failures.map((failure) => [failure.item, failure]));
    await this.batchPut(
      [...unique.values()].map((failure) => ({
        pk: jobPartition(jobId),
        sk: `FAILURE#${failure.item}`,
        ...failure,
        expiresAt,
      })),
    );
  }

  async failures(jobId: string, limit: number): Promise<ItemFailure[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': jobPartition(jobId), ':prefix': 'FAILURE#' },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({
      item: String(item.item),
      reason: String(item.reason),
      at: String(item.at),
    }));
  }

  async cancel(jobId: string, at: string): Promise<'cancelled' | 'not-running'> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: JOBS_PK, sk: jobId },
          UpdateExpression: 'SET #status = :cancelled, cancelledAt = :at',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':running': 'running', ':at': at },
        }),
      );
      return 'cancelled';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'not-running';
      throw error;
    }
  }

  async finish(
    jobId: string,
    outcome: { status: 'done' | 'cancelled'; at: string; result: Readonly<Record<string, unknown>> },
  ): Promise<'finished' | 'already-finished'> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: JOBS_PK, sk: jobId },
          UpdateExpression: 'SET #status = :status, finishedAt = :at, #result = :result',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(finishedAt)',
          ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
          ExpressionAttributeValues: {
            ':status': outcome.status,
            ':at': outcome.at,
            ':result': outcome.result,
          },
        }),
      );
      return 'finished';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
        return 'already-finished';
      throw error;
    }
  }

  async touchSegment(jobId: string, segment: number, piece: number, at: string): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: jobPartition(jobId), sk: segmentSk(segment) },
          UpdateExpression: 'SET updatedAt = :at',
          ConditionExpression: 'piece = :piece',
          ExpressionAttributeValues: { ':at': at, ':piece': piece },
        }),
      )
      .catch((error: unknown) => {
        // The piece committed meanwhile: it is alive, nothing to note.
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      });
  }

  private async batchPut(items: readonly Record<string, unknown>[]): Promise<void> {
    for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
      let requests = items
        .slice(start, start + BATCH_WRITE_LIMIT)
        .map((item) => ({ PutRequest: { Item: item } }));
      // BatchWriteItem may leave some unprocessed under load: those are sent again until none is left.
      while (requests.length > 0) {
        const { UnprocessedItems } = await this.client.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }
}

function jobFromItem(item: Record<string, unknown>): BulkJob {
  return {
    jobId: String(item.sk),
    kind: String(item.kind),
    input: (item.input ?? {}) as Record<string, unknown>,
    status: item.status as BulkJob['status'],
    segments: Number(item.segments),
    segmentsDone: Number(item.segmentsDone ?? 0),
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    done: Number(item.done ?? 0),
    failed: Number(item.failed ?? 0),
    ...(item.finishedAt ? { finishedAt: String(item.finishedAt) } : {}),
    ...(item.estimate === undefined ? {} : { estimate: Number(item.estimate) }),
    ...(item.result ? { result: item.result as Record<string, unknown> } : {}),
  };
}

function segmentFromItem(item: Record<string, unknown>): SegmentState {
  return {
    jobId: String(item.jobId),
    segment: Number(item.segment),
    piece: Number(item.piece),
    ...(item.cursor === undefined ? {} : { cursor: String(item.cursor) }),
    finished: item.finished === true,
    done: Number(item.done ?? 0),
    failed: Number(item.failed ?? 0),
    partial: (item.partial ?? {}) as Record<string, unknown>,
    updatedAt: String(item.updatedAt),
  };
}
