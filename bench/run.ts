/**
 * `npm run bench`: throughput, cost units, cold-start proxy and scoring speed, each as a ratio
 * against a yardstick measured in the same run (machines are noisy; ratios travel). Prints a table
 * and writes bench/results.json. Not part of `npm test`: targets are reported, never asserted.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { measureColdStarts } from './cold-start.ts';
import { measureImport } from './import.ts';
import { ledgerRows } from './ledger.ts';
import { measurePipeline, type PipelineFigures } from './pipeline.ts';
import { PRICES_USD } from './prices.ts';
import { measureScale } from './scale.ts';
import { measureScoring } from './scoring.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '10' },
    submissions: { type: 'string', default: '1000' },
    'cost-sample': { type: 'string', default: '50' },
    'import-runs': { type: 'string', default: '15' },
    'import-rows': { type: 'string', default: '2000' },
    // `--only units,scoring`: some parts only. `units` is the cost units and ledger of the typical
    // submission without the throughput run (seconds, not minutes).
    only: { type: 'string' },
    // `--scale [N]`: the bulk jobs over N seeded contacts (default 100000), written under `scale`.
    scale: { type: 'string' },
  },
});

if (values.scale !== undefined) {
  const contacts = values.scale === '' ? 100_000 : Number(values.scale);
  if (!Number.isInteger(contacts) || contacts < 100)
    throw new Error('--scale takes a number of contacts, 100 or more');
  const scale = await measureScale(contacts);
  console.log(
    `Bulk jobs over ${contacts} contacts (${scale.itemsPerContact} items each), ${scale.segments} segments × ${scale.itemConcurrency} items in flight:`,
  );
  console.table({
    'seeding (contacts/s, batch writes)': fixed(scale.seedContactsPerSecond),
    're-score all (contacts/s)': fixed(scale.rescoreAll.contactsPerSecond),
    'raw Query + UpdateItem pairs/s': fixed(scale.rescoreAll.yardstickPairsPerSecond),
    'simulate (contacts/s)': fixed(scale.simulate.contactsPerSecond),
    'raw parallel Scan (contacts/s)': fixed(scale.simulate.yardstickContactsPerSecond),
    'stale drain (contacts/s)': fixed(scale.staleDrain.contactsPerSecond),
    'largest hourly backlog drained': fixed(scale.staleDrain.largestHourlyBacklog),
    'peak heap, re-score all (MB)': scale.peakHeapMb.rescoreAll,
    'peak heap, simulate (MB)': scale.peakHeapMb.simulate,
    'read units / contact re-scored': fixed(scale.perContactRescored.readUnits, 2),
    'billed write units / contact re-scored': fixed(scale.perContactRescored.billedWriteUnits, 2),
  });
  console.table(ledgerRows(scale.ledger));
  console.log('Targets:');
  console.table([
    row('re-score all ÷ raw Query+UpdateItem pairs', scale.rescoreAll.ratio, '≥ 0.7', (v) => v >= 0.7),
    row('simulate ÷ raw parallel Scan', scale.simulate.ratio, '≥ 0.7', (v) => v >= 0.7),
  ]);
  const previous = JSON.parse(
    await readFile(new URL('./results.json', import.meta.url), 'utf8').catch(() => '{}'),
  );
  const runs = {
    ...(previous.scale?.runs ?? {}),
    [contacts]: { measuredAt: new Date().toISOString(), ...scale },
  };
  await writeFile(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ ...previous, scale: { runs } }, null, 2)}\n`,
  );
  console.log('Written to bench/results.json under scale.runs');
  process.exit(0);
}

const PARTS = ['pipeline', 'units', 'cold-start', 'scoring', 'import'] as const;
type Part = (typeof PARTS)[number];
const chosen = new Set<string>(values.only?.split(',').map((part) => part.trim()) ?? PARTS);
for (const part of chosen) {
  if (!PARTS.includes(part as Part)) throw new Error(`--only takes ${PARTS.join(', ')}; not "${part}"`);
}
const runs = (part: Part) => chosen.has(part);

const pipeline =
  runs('pipeline') || runs('units')
    ? await measurePipeline({
        concurrency: Number(values.concurrency),
        submissions: Number(values.submissions),
        costSample: Number(values['cost-sample']),
        unitsOnly: !runs('pipeline'),
      })
    : undefined;
const per = pipeline?.perSubmission;
if (per) printUnits(per);
const coldStarts = runs('cold-start') ? await measureColdStarts(Number(values['import-runs'])) : undefined;
const scoring = runs('scoring') ? await measureScoring() : undefined;
const contactImport = runs('import')
  ? await measureImport({ rows: Number(values['import-rows']), concurrency: Number(values.concurrency) })
  : undefined;

const targets: ReturnType<typeof row>[] = [];
const results: Record<string, unknown> = { prices: PRICES_USD };

if (pipeline && per) {
  const dollarsPerMillion = {
    dynamoDbWrites: per.billedWriteUnits * PRICES_USD.dynamoDbPerMillionWriteUnits,
    dynamoDbReads: per.readUnits * PRICES_USD.dynamoDbPerMillionReadUnits,
    eventBridge: per.eventsPut * PRICES_USD.eventBridgePerMillionCustomEvents,
    ses: per.emailsSent * PRICES_USD.sesPerThousandEmails * 1000,
    lambdaRequests: per.invocations * PRICES_USD.lambdaPerMillionRequests,
    lambdaCompute: per.lambdaGbSeconds * 1_000_000 * PRICES_USD.lambdaPerGbSecondArm64,
    httpApi: PRICES_USD.httpApiPerMillionRequests,
  };
  const totalPerMillion = Object.values(dollarsPerMillion).reduce((a, b) => a + b, 0);
  Object.assign(results, { pipeline, dollarsPerMillion, totalPerMillion });
  if (runs('pipeline')) {
    const storageBound = pipeline.rawUpdatesPerSecond / pipeline.operationsPerSubmission;
    results.storageBound = storageBound;
    targets.push(
      row('pipeline ÷ storage bound (median of rounds)', pipeline.pipelinePerBound, '≥ 0.8', (v) => v >= 0.8),
    );
    console.log('Throughput:');
    console.table({
      'raw UpdateItem/s (median of rounds)': fixed(pipeline.rawUpdatesPerSecond),
      'DynamoDB operations / submission': fixed(pipeline.operationsPerSubmission, 2),
      'storage bound (submissions/s)': fixed(storageBound),
      'pipeline (submissions/s, median of rounds)': fixed(pipeline.submissionsPerSecond),
      'non-2xx answers': pipeline.non2xx,
      'CPU ms per raw update: Node (client)': optional(pipeline.cpuMs?.nodePerUpdate, 3),
      'CPU ms per raw update: DynamoDB Local': optional(pipeline.cpuMs?.dynamoDbLocalPerUpdate, 3),
      'CPU ms per submission: Node (all functions and stand-ins)': optional(
        pipeline.cpuMs?.nodePerSubmission,
        2,
      ),
      'CPU ms per submission: DynamoDB Local': optional(pipeline.cpuMs?.dynamoDbLocalPerSubmission, 2),
    });
  }
  targets.push(
    row('billed write units / submission', per.billedWriteUnits, '≤ 2', (v) => v <= 2),
    row('read units / submission', per.readUnits, '≤ 1', (v) => v <= 1),
  );
  console.log(`Dollars per million submissions (${PRICES_USD.region} list prices, ${PRICES_USD.asOf}):`);
  console.table({ ...roundAll(dollarsPerMillion), total: fixed(totalPerMillion, 2) });
}

if (coldStarts) {
  results.coldStarts = coldStarts;
  const emptyMs = coldStarts.emptyHandler.medianProcessMs;
  const floorMs = coldStarts.sdkFloor.medianProcessMs;
  targets.push(
    row('cold start SDK floor ÷ empty handler', floorMs / emptyMs, '(yardstick)', () => true),
    ...coldStarts.functions.map((fn) =>
      row(`cold start ${fn.name} ÷ empty handler`, fn.medianProcessMs / emptyMs, '≤ 1.5', (v) => v <= 1.5),
    ),
  );
  console.log(
    `Cold-start proxy (median of ${coldStarts.runs} fresh Node processes, each loading the bundle as Lambda does; NODE_OPTIONS=${coldStarts.nodeOptions || '(none)'}):`,
  );
  console.table(
    [coldStarts.emptyHandler, coldStarts.sdkFloor, ...coldStarts.functions].map((fn) => ({
      bundle: fn.name,
      'size (KB)': fixed(fn.bytes / 1024),
      'import (ms)': fixed(fn.medianImportMs, 1),
      'process (ms)': fixed(fn.medianProcessMs, 1),
      'process ÷ empty': fixed(fn.medianProcessMs / emptyMs, 2),
      'process ÷ SDK floor': fixed(fn.medianProcessMs / floorMs, 2),
    })),
  );
}

if (contactImport) {
  results.import = contactImport;
  targets.push(
    row('import rows/s ÷ raw BatchWriteItem items/s', contactImport.importPerRaw, '≥ 0.7', (v) => v >= 0.7),
    row(
      'import live heap growth, 10× → 100× the rows (MB)',
      contactImport.heapGrowthMb,
      '≤ 8',
      (v) => v <= 8,
    ),
  );
  console.log(
    `Import (${contactImport.rows} rows with ${contactImport.concurrency} in flight; memory at 10× and 100× the rows):`,
  );
  console.table({
    'import rows/s': fixed(contactImport.importRowsPerSecond),
    'raw BatchWriteItem items/s': fixed(contactImport.rawBatchItemsPerSecond),
    [`live heap peak MB, ${contactImport.rows * 10} rows`]: fixed(contactImport.heapPeakMb.small, 1),
    [`live heap peak MB, ${contactImport.rows * 100} rows`]: fixed(contactImport.heapPeakMb.large, 1),
  });
}

if (scoring) {
  results.scoring = scoring;
  targets.push(row('scoring ÷ parsing (contacts/s)', scoring.scoredPerParsed, '≥ 1', (v) => v >= 1));
  console.log(
    `Scoring (${scoring.contacts} contacts × ${scoring.activitiesPerContact} activities; medians of ${scoring.rounds} alternated rounds):`,
  );
  console.table({
    'contacts scored/s': fixed(scoring.contactsScoredPerSecond),
    'contacts parsed/s (JSON.parse)': fixed(scoring.contactsParsedPerSecond),
  });
}

console.log('Targets:');
console.table(targets);
await writeResults({ ...results, targets });

/** The typical submission's units, and the ledger that explains them. */
function printUnits(per: PipelineFigures['perSubmission']): void {
  console.log('Per typical submission (white paper download with consent, new business contact):');
  console.table({
    operations: JSON.stringify(roundAll(per.operations)),
    'read units': fixed(per.readUnits, 2),
    'write units as DynamoDB Local reports them (transactions ×2)': fixed(per.reportedWriteUnits, 2),
    'table write units (AWS rules, transactions ×2)': fixed(per.billedTableWriteUnits, 2),
    'index write units (AWS rules)': fixed(per.indexWriteUnits, 2),
    'write units billed (table + indexes)': fixed(per.billedWriteUnits, 2),
    'events put': fixed(per.eventsPut, 2),
    'emails sent': fixed(per.emailsSent, 2),
    'Lambda invocations': fixed(per.invocations, 2),
    'Lambda GB-s (measured handler time)': per.lambdaGbSeconds.toExponential(2),
  });
  console.log(
    `Ledger: every DynamoDB call of a typical submission, per submission. DynamoDB Local ${per.indexUnitsReported ? 'does' : 'does not'} report index units for ReturnConsumedCapacity: INDEXES; ` +
      'it prices some writes unlike AWS, so table and index units are computed by AWS rules from each item before and after the write: ' +
      'the larger size, one unit per started KB, transactions ×2; an index write per index whose projection changed, ceil(projected size / 1 KB), a changed index key is a delete and a put ' +
      "(a transaction's index writes counted once). Reads as Local reports them (eventual = half).",
  );
  console.table(ledgerRows(per.ledger));
}

async function writeResults(results: Record<string, unknown>): Promise<void> {
  await writeFile(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`,
  );
  console.log('Written to bench/results.json');
}

function row(figure: string, value: number, target: string, met: (value: number) => boolean) {
  return { figure, value: fixed(value, 2), target, met: met(value) ? 'yes' : 'NO' };
}

function optional(value: number | undefined, digits: number): number | string {
  return value === undefined ? 'n/a' : fixed(value, digits);
}

function fixed(value: number, digits = 0): number {
  return Number(value.toFixed(digits));
}

function roundAll(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fixed(value, 3)]));
}
