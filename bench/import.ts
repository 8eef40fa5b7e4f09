import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbImportStore } from '#shared/adapters/dynamodb/dynamodb-import-store.ts';
import { openCsv } from '#shared/import/csv-records.ts';
import type { ImportStore } from '#shared/import/import-store.ts';
import { LEADFLOW_MAPPING } from '#shared/import/presets.ts';
import { runImport } from '#shared/import/run-import.ts';
import { emptyNurtureState } from '#shared/nurture/nurture-state.ts';

export interface ImportFigures {
  readonly concurrency: number;
  readonly rows: number;
  readonly importRowsPerSecond: number;
  readonly rawBatchItemsPerSecond: number;
  readonly importPerRaw: number;
  /** The live heap's peak importing 10× and 100× `rows` (see livePeakMb). */
  readonly heapPeakMb: { readonly small: number; readonly large: number };
  /** How much more the live heap peaked with 100× the rows than with 10×: about 0 when flat. */
  readonly heapGrowthMb: number;
}

const TABLE = 'leadflow-contacts';

/**
 * Import throughput against its yardstick: rows/s of `runImport` (read, plan, one conditional
 * transaction per row; scoring left out, it is the scorer's cost) ÷ items/s of raw BatchWriteItem
 * calls (25 unconditional puts of a contact's size each) with the same number of calls in flight,
 * on the same DynamoDB Local. Then the live heap's peak importing a file and one ten times larger,
 * generated as a stream: flat means the file is never held.
 */
export async function measureImport(options: { rows: number; concurrency: number }): Promise<ImportFigures> {
  const runtime = await startLocalRuntime({
    ports: { gateway: 0, dynamodb: 0, ses: 0, eventbridge: 0 },
    inMemory: true,
    log: () => {},
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  const client = new DynamoDBClient({
    endpoint: runtime.urls.dynamodb,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  try {
    const store = new DynamoDbImportStore(createDocumentClient(client), TABLE);
    const run = async (prefix: string, rows: number) => {
      const file = await openCsv(csvRows(prefix, rows));
      const started = performance.now();
      const summary = await runImport(
        file,
        {
          importId: `imp_bench_${prefix}`,
          mapping: LEADFLOW_MAPPING,
          dryRun: false,
          nurture: 'hold',
          concurrency: options.concurrency,
          retentionDays: 730,
        },
        { store, clock: () => new Date() },
      );
      const seconds = (performance.now() - started) / 1000;
      if (summary.created !== rows)
        throw new Error(`the bench import created ${summary.created} of ${rows} rows`);
      return rows / seconds;
    };
    await run('warm', 200);
    const raw = await rawBatchItemsPerSecond(client, options.concurrency, 5_000);
    const measured = await run('rows', options.rows);
    const small = await livePeakMb(options.rows * 10, options.concurrency);
    const large = await livePeakMb(options.rows * 100, options.concurrency);
    return {
      concurrency: options.concurrency,
      rows: options.rows,
      importRowsPerSecond: measured,
      rawBatchItemsPerSecond: raw,
      importPerRaw: measured / raw,
      heapPeakMb: { small, large },
      heapGrowthMb: large - small,
    };
  } finally {
    client.destroy();
    await runtime.stop();
  }
}

/** A contacts file as an export tool writes it, generated chunk by chunk (never whole in memory). */
async function* csvRows(prefix: string, rows: number): AsyncIterable<Buffer> {
  yield Buffer.from(
    'email,first_name,last_name,company,job_title,country,consent,consent_date,activity:webinar_attended\n',
  );
  const batch = 500;
  for (let start = 0; start < rows; start += batch) {
    const lines: string[] = [];
    for (let n = start; n < Math.min(rows, start + batch); n += 1) {
      lines.push(
        `${prefix}-${n}@bench-example.com,Ada,Lovelace,Analytical Engines Ltd,Head of Research,GB,yes,2025-06-01,2025-09-15\n`,
      );
    }
    yield Buffer.from(lines.join(''));
  }
}

async function rawBatchItemsPerSecond(
  client: DynamoDBClient,
  concurrency: number,
  durationMs: number,
): Promise<number> {
  const profile = 'x'.repeat(700);
  let items = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let call = 0; performance.now() < deadline; call += 1) {
        await client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [TABLE]: Array.from({ length: 25 }, (_, n) => ({
                PutRequest: {
                  Item: {
                    pk: { S: `BENCH#${worker}#${call}#${n}` },
                    sk: { S: 'PROFILE' },
                    profile: { S: profile },
                  },
                },
              })),
            },
          }),
        );
        items += 25;
      }
    }),
  );
  return items / ((performance.now() - started) / 1000);
}

/**
 * The live heap's peak, in MB, importing `rows` generated rows with a store
 * that keeps nothing (so ten times the rows takes seconds, not an hour of DynamoDB Local): what
 * could grow with the file is the reading, checking and planning, which is what this watches.
 * Sampled after a full collection every 100 ms, so garbage not yet collected does not count.
 */
async function livePeakMb(rows: number, concurrency: number): Promise<number> {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const store: ImportStore = {
    read: async (contactId) => ({ nurture: emptyNurtureState(contactId), rowSeen: false }),
    write: async () => 'saved',
  };
  collect();
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    collect();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 100);
  try {
    await runImport(
      await openCsv(csvRows('memory', rows)),
      {
        importId: 'imp_bench_memory',
        mapping: LEADFLOW_MAPPING,
        dryRun: false,
        nurture: 'hold',
        concurrency,
        retentionDays: 730,
      },
      { store, clock: () => new Date() },
    );
  } finally {
    clearInterval(timer);
  }
  return peak / 1_048_576;
}
