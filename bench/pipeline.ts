import autocannon from 'autocannon';
import type { InvocationReport } from '#infra/local/lambda/local-function.ts';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { sesAccountAnswer } from '#infra/local/ses/ses-local.ts';
import { contactsTable } from '#infra/tables.ts';
import { type CapacityTally, startCapacityProxy } from './capacity-proxy.ts';
import { ownCpuMs, processCpuMs } from './cpu-time.ts';
import { type LedgerLine, summarizeLedger } from './ledger.ts';
import { median } from './statistics.ts';
import { rawUpdatesPerSecond } from './storage-bound.ts';
import { signedHeaders, typicalSubmission } from './typical-submission.ts';

export interface PipelineFigures {
  readonly concurrency: number;
  readonly submissions: number;
  readonly rawUpdatesPerSecond: number;
  readonly submissionsPerSecond: number;
  /** The median over rounds of submissions/s ÷ (raw UpdateItem/s ÷ operations per submission). */
  readonly pipelinePerBound: number;
  /**
   * Where the time goes: CPU ms of this Node process (the yardstick's client, or every function and
   * local stand-in of the pipeline) and of DynamoDB Local's Java process, per raw update and per
   * submission. Medians over rounds; DynamoDB Local's is undefined without /proc.
   */
  readonly cpuMs?: {
    readonly nodePerUpdate?: number;
    readonly dynamoDbLocalPerUpdate?: number;
    readonly nodePerSubmission?: number;
    readonly dynamoDbLocalPerSubmission?: number;
  };
  readonly operationsPerSubmission: number;
  readonly perSubmission: {
    readonly operations: Record<string, number>;
    readonly readUnits: number;
    /** Table and index write units as DynamoDB Local reports them (transactions ×2). */
    readonly reportedWriteUnits: number;
    /** The table's write units by AWS's rules (transactions ×2). */
    readonly billedTableWriteUnits: number;
    /** Global secondary index write units by AWS's rules (item before and after, projections). */
    readonly indexWriteUnits: number;
    /** Table and index write units, as AWS bills them. */
    readonly billedWriteUnits: number;
    /** Every DynamoDB call of a typical submission: who made it, what for, what it cost. */
    readonly ledger: readonly LedgerLine[];
    /** Whether DynamoDB Local reported index units for `ReturnConsumedCapacity: INDEXES`. */
    readonly indexUnitsReported: boolean;
    readonly eventsPut: number;
    readonly emailsSent: number;
    readonly invocations: number;
    readonly lambdaGbSeconds: number;
  };
  readonly non2xx: number;
}

const PORTS = { gateway: 0, dynamodb: 0, ses: 0, eventbridge: 0 };
const THROUGHPUT_ROUNDS = 5;

interface CpuReading {
  readonly node: number;
  readonly dynamoDbLocal: number | undefined;
}

interface ThroughputRound {
  readonly raw: number;
  readonly submissionsPerSecond: number;
  readonly cpuPerUpdate: { node: number; dynamoDbLocal: number | undefined };
  readonly cpuPerSubmission: { node: number; dynamoDbLocal: number | undefined };
}

async function cpuNow(dynamoDbPid: number): Promise<CpuReading> {
  return { node: ownCpuMs(), dynamoDbLocal: await processCpuMs(dynamoDbPid) };
}

function cpuPer(count: number, from: CpuReading, to: CpuReading) {
  const javaMs =
    from.dynamoDbLocal === undefined || to.dynamoDbLocal === undefined
      ? undefined
      : (to.dynamoDbLocal - from.dynamoDbLocal) / count;
  return { node: (to.node - from.node) / count, dynamoDbLocal: javaMs };
}

/**
 * Runs the local pipeline twice on one DynamoDB Local: once with a capacity-counting proxy in
 * front of DynamoDB, to count operations and units per submission, and once direct, under
 * `concurrency` HTTP clients, for throughput from the HTTP post to the score stored (the bus idle).
 */
export async function measurePipeline(options: {
  concurrency: number;
  submissions: number;
  costSample: number;
  /** Skips the throughput run: only the cost units of the typical submission. */
  unitsOnly?: boolean;
}): Promise<PipelineFigures> {
  const proxy = await startCapacityProxy(contactsTable);
  const invocations: InvocationReport[] = [];
  const runtime = await startLocalRuntime({
    ports: PORTS,
    inMemory: true,
    log: () => {},
    // A production SES account's send rate: the sandbox's 1/s would hold most of the emails back.
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: proxy.url,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_SES_ACCOUNT: sesAccountAnswer({ max24HourSend: 1_000_000, maxSendRate: 1000 }),
    },
    onInvocation: (report) => invocations.push(report),
  });
  proxy.target = runtime.urls.dynamodb;
  try {
    // Warm-up: imports every handler and builds its clients, as a warm Lambda would have.
    await post(runtime.urls.gateway, 5, 5);
    await runtime.bus.idle();

    proxy.reset();
    invocations.length = 0;
    const eventsBefore = runtime.bus.events().length;
    const emailsBefore = await emailCount(runtime.urls.ses);
    await post(runtime.urls.gateway, options.costSample, 1);
    await runtime.bus.idle();
    const perSubmission = perSubmissionCost(proxy.tally, invocations, options.costSample, {
      events: runtime.bus.events().length - eventsBefore,
      emails: (await emailCount(runtime.urls.ses)) - emailsBefore,
    });

    const operationsPerSubmission = Object.values(perSubmission.operations).reduce((a, b) => a + b, 0);
    if (options.unitsOnly) {
      const { concurrency, submissions } = options;
      const notRun = { rawUpdatesPerSecond: 0, submissionsPerSecond: 0, pipelinePerBound: 0, non2xx: 0 };
      return { concurrency, submissions, operationsPerSubmission, perSubmission, ...notRun };
    }
    // Throughput: the proxy only pipes bytes now, and the yardstick goes through it too, so both
    // sides of the ratio pay the same extra local hop. Yardstick and pipeline take turns in short
    // rounds, so a burst of load on a shared machine falls on both alike; the medians are reported.
    proxy.counting = false;
    const rounds: ThroughputRound[] = [];
    let non2xx = 0;
    for (let round = 0; round < THROUGHPUT_ROUNDS; round += 1) {
      const rawCpu = await cpuNow(runtime.dynamoDbPid);
      const raw = await rawUpdatesPerSecond({
        endpoint: proxy.url,
        tableName: runtime.tableName,
        concurrency: options.concurrency,
        durationMs: 2_000,
      });
      const pipelineCpu = await cpuNow(runtime.dynamoDbPid);
      const amount = Math.ceil(options.submissions / THROUGHPUT_ROUNDS);
      const started = performance.now();
      non2xx += await post(runtime.urls.gateway, amount, options.concurrency);
      await runtime.bus.idle();
      const seconds = (performance.now() - started) / 1000;
      const ended = await cpuNow(runtime.dynamoDbPid);
      rounds.push({
        raw: raw.perSecond,
        submissionsPerSecond: amount / seconds,
        cpuPerUpdate: cpuPer(raw.updates, rawCpu, pipelineCpu),
        cpuPerSubmission: cpuPer(amount, pipelineCpu, ended),
      });
    }
    const medianOf = (pick: (round: ThroughputRound) => number | undefined) => {
      const values = rounds.map(pick).filter((value): value is number => value !== undefined);
      return values.length > 0 ? median(values) : undefined;
    };
    return {
      concurrency: options.concurrency,
      submissions: options.submissions,
      rawUpdatesPerSecond: median(rounds.map((round) => round.raw)),
      submissionsPerSecond: median(rounds.map((round) => round.submissionsPerSecond)),
      pipelinePerBound: median(
        rounds.map((round) => round.submissionsPerSecond / (round.raw / operationsPerSubmission)),
      ),
      cpuMs: {
        nodePerUpdate: medianOf((round) => round.cpuPerUpdate.node),
        dynamoDbLocalPerUpdate: medianOf((round) => round.cpuPerUpdate.dynamoDbLocal),
        nodePerSubmission: medianOf((round) => round.cpuPerSubmission.node),
        dynamoDbLocalPerSubmission: medianOf((round) => round.cpuPerSubmission.dynamoDbLocal),
      },
      operationsPerSubmission,
      perSubmission,
      non2xx,
    };
  } finally {
    await runtime.stop();
    await proxy.close();
  }
}

/** Posts `amount` typical submissions with autocannon, each freshly signed; returns non-2xx count. */
async function post(gateway: string, amount: number, connections: number): Promise<number> {
  let n = 0;
  const result = await autocannon({
    url: `${gateway}/forms/generic`,
    connections,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          n += 1;
          const body = typicalSubmission(n);
          return { ...request, body, headers: signedHeaders(body) };
        },
      },
    ],
  });
  return result.non2xx + result.errors;
}

async function emailCount(ses: string): Promise<number> {
  const store = (await (await fetch(`${ses}/store`)).json()) as { emails: unknown[] };
  return store.emails.length;
}

function perSubmissionCost(
  tally: CapacityTally,
  invocations: readonly InvocationReport[],
  submissions: number,
  put: { events: number; emails: number },
): PipelineFigures['perSubmission'] {
  const per = (value: number) => value / submissions;
  const gbSeconds = invocations.reduce(
    (sum, call) => sum + (call.durationMs / 1000) * (call.memoryMb / 1024),
    0,
  );
  return {
    operations: Object.fromEntries(
      Object.entries(tally.operations).map(([name, count]) => [name, per(count)]),
    ),
    readUnits: per(tally.readUnits),
    reportedWriteUnits: per(tally.reportedWriteUnits),
    billedTableWriteUnits: per(tally.billedTableWriteUnits),
    indexWriteUnits: per(tally.indexWriteUnits),
    billedWriteUnits: per(tally.billedWriteUnits),
    ledger: summarizeLedger(tally.ledger, submissions),
    indexUnitsReported: tally.indexUnitsReported,
    eventsPut: per(put.events),
    emailsSent: per(put.emails),
    invocations: per(invocations.length),
    lambdaGbSeconds: per(gbSeconds),
  };
}
