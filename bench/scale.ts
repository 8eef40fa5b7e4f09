import { Agent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { contactsTable } from '#infra/tables.ts';
import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import type { BulkJob } from '#shared/bulk/bulk-job.ts';
import { inProcessSignals } from '#shared/bulk/in-process-signals.ts';
import { DEFAULT_BULK_SETTINGS } from '#shared/bulk/job-settings.ts';
import type { JobSource } from '#shared/bulk/job-source.ts';
import { runInProcess } from '#shared/bulk/run-in-process.ts';
import { fixedConfig } from '#shared/config/config-reader.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { startCapacityProxy } from './capacity-proxy.ts';
import { type LedgerLine, summarizeLedger } from './ledger.ts';
import { PRICES_USD } from './prices.ts';

/**
 * `npm run bench -- --scale N`: N realistic contacts with histories seeded into DynamoDB Local in
 * batch writes, then each bulk job measured against a yardstick taken in the same run on the same
 * table, at the same concurrency: re-score all against raw Query + UpdateItem pairs, simulate
 * against a raw parallel Scan, the stale-score drain, the peak heap, and the units per contact.
 */
export interface ScaleFigures {
  readonly contacts: number;
  readonly itemsPerContact: number;
  readonly segments: number;
  readonly itemConcurrency: number;
  readonly seedContactsPerSecond: number;
  readonly rescoreAll: { contactsPerSecond: number; yardstickPairsPerSecond: number; ratio: number };
  readonly simulate: { contactsPerSecond: number; yardstickContactsPerSecond: number; ratio: number };
  readonly staleDrain: { due: number; contactsPerSecond: number; largestHourlyBacklog: number };
  readonly peakHeapMb: { rescoreAll: number; simulate: number };
  readonly perContactRescored: { readUnits: number; billedWriteUnits: number; events: number };
  readonly dollarsPerMillionRescored: Record<string, number>;
  readonly ledger: readonly LedgerLine[];
}

const NOW = new Date('2026-11-02T09:00:00.000Z');
const DAY = 86_400_000;
const YARDSTICK_MS = 5_000;
/** Contacts whose re-score the capacity ledger follows call by call. */
const LEDGER_SAMPLE = 300;
/** One in ten contacts is due on the re-score schedule, for the drain. */
const DUE_SHARE = 10;

export async function measureScale(contacts: number): Promise<ScaleFigures> {
  const proxy = await startCapacityProxy(contactsTable);
  proxy.counting = false;
  const local = await startLocalRuntime({
    ports: { gateway: 0, dynamodb: 0, ses: 0, eventbridge: 0 },
    inMemory: true,
    console: false,
    log: () => {},
    // DynamoDB Local alone: no function, no schedule (a sweep would take the bench's jobs for stalled ones).
    functions: {},
  });
  proxy.target = local.urls.dynamodb;
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: proxy.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 10,
      // Enough sockets for every lane (segments × items in flight, and the yardstick's as many).
      requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const table = { documents, tableName: local.tableName };
  const settings = DEFAULT_BULK_SETTINGS;
  const lanes = settings.maxSegments * settings.itemConcurrency;
  try {
    const template = await templateItems(table);
    const seedStart = performance.now();
    const itemsPerContact = await seed(table, template, contacts);
    const seedContactsPerSecond = contacts / ((performance.now() - seedStart) / 1000);
    const ids = Array.from({ length: Math.min(contacts, 2_000) }, (_, index) => contactIdOf(index));

    const drainStart = performance.now();
    const drain = await run(table, 'rescore-due', { dueBy: new Date(NOW.getTime() + DAY).toISOString() });
    const drainSeconds = (performance.now() - drainStart) / 1000;

    const yardstickPairs = await rawQueryUpdatePairs(table, ids, lanes);
    const rescoreHeap = heapWatch();
    const rescoreStart = performance.now();
    const rescored = await run(table, 'rescore-all', {});
    const rescoreSeconds = (performance.now() - rescoreStart) / 1000;
    const rescoreAllHeap = rescoreHeap.stop();

    const yardstickScan = await rawParallelScan(table, settings.maxSegments);
    const simulateHeap = heapWatch();
    const simulateStart = performance.now();
    const simulated = await run(table, 'simulate', { model: { ...defaultScoringModel, version: 'bench' } });
    const simulateSeconds = (performance.now() - simulateStart) / 1000;
    const simulateHeapMb = simulateHeap.stop();

    // The ledger: a sample of segment 0's contacts re-scored again by the job's own code, counted call by call.
    proxy.reset();
    proxy.counting = true;
    const sample = await run(table, 'rescore-all', {}, LEDGER_SAMPLE);
    proxy.counting = false;
    const per = (value: number) => value / Math.max(1, sample.done);
    const readUnits = per(proxy.tally.readUnits);
    const billedWriteUnits = per(proxy.tally.billedWriteUnits);
    const events = 1; // each re-score puts "Contact Scored"; pieces add one event per 10,000 contacts
    const lambdaGbSeconds = (rescoreSeconds * settings.maxSegments * 1) / Math.max(1, rescored.done);

    const rescoreRate = rescored.done / rescoreSeconds;
    const simulateRate = simulated.done / simulateSeconds;
    const drainRate = drain.done / drainSeconds;
    return {
      contacts,
      itemsPerContact,
      segments: settings.maxSegments,
      itemConcurrency: settings.itemConcurrency,
      seedContactsPerSecond,
      rescoreAll: {
        contactsPerSecond: rescoreRate,
        yardstickPairsPerSecond: yardstickPairs,
        ratio: rescoreRate / yardstickPairs,
      },
      simulate: {
        contactsPerSecond: simulateRate,
        yardstickContactsPerSecond: yardstickScan / itemsPerContact,
        ratio: simulateRate / (yardstickScan / itemsPerContact),
      },
      staleDrain: { due: drain.done, contactsPerSecond: drainRate, largestHourlyBacklog: drainRate * 3600 },
      peakHeapMb: { rescoreAll: rescoreAllHeap, simulate: simulateHeapMb },
      perContactRescored: { readUnits, billedWriteUnits, events },
      dollarsPerMillionRescored: {
        dynamoDbWrites: billedWriteUnits * PRICES_USD.dynamoDbPerMillionWriteUnits,
        dynamoDbReads: readUnits * PRICES_USD.dynamoDbPerMillionReadUnits,
        eventBridge: events * PRICES_USD.eventBridgePerMillionCustomEvents,
        lambdaCompute: lambdaGbSeconds * 1_000_000 * PRICES_USD.lambdaPerGbSecondArm64,
      },
      ledger: summarizeLedger(proxy.tally.ledger, Math.max(1, sample.done)),
    };
  } finally {
    await local.stop();
    await proxy.close();
  }
}

type Table = { documents: DynamoDBDocumentClient; tableName: string };

/** Runs a job of `kind` over the table in this process; `limit` stops segment 0 after so many items. */
async function run(
  table: Table,
  kind: string,
  input: Record<string, unknown>,
  limit?: number,
): Promise<BulkJob> {
  const runtime = {
    ...dynamoDbJobRuntime({
      table,
      // The bus is not the subject: the events are validated and counted, not delivered.
      events: { publish: async () => {} },
      clock: () => NOW,
      model: fixedConfig(defaultScoringModel),
      settings: DEFAULT_BULK_SETTINGS,
    }),
    signals: inProcessSignals(),
  };
  const sources =
    limit === undefined
      ? runtime.sources
      : { ...runtime.sources, contacts: limited(runtime.sources.contacts, limit) };
  return runInProcess(
    { kind, input, createdBy: 'bench', ...(limit === undefined ? {} : { segments: 1 }) },
    { ...runtime, sources },
  );
}

function limited<Item>(source: JobSource<Item>, limit: number): JobSource<Item> {
  let seen = 0;
  return {
    estimate: async () => limit,
    async page(read) {
      const page = await source.page(read);
      seen += page.items.length;
      return seen >= limit ? { items: page.items } : page;
    },
  };
}

const contactIdOf = (index: number) => `c_${index.toString(16).padStart(32, '0')}`;

/** One real contact recorded and scored by leadflow's own code: the shape every seeded contact copies. */
async function templateItems(table: Table): Promise<Record<string, unknown>[]> {
  const contacts = new DynamoDbContactRepository(table.documents, table.tableName);
  const deps = {
    contacts,
    events: { publish: async () => {} },
    clock: () => new Date(NOW.getTime() - 20 * DAY),
    model: defaultScoringModel,
  };
  const email = 'template@acme-industries.com';
  const forms = ['newsletter', 'whitepaper', 'webinar', 'whitepaper', 'contact'] as const;
  let contactId = '';
  for (const [index, formType] of forms.entries()) {
    const at = () => new Date(NOW.getTime() - (20 - index * 3) * DAY);
    ({ contactId } = await recordFormSubmission(
      {
        source: 'generic',
        deliveryId: `template-${index}`,
        email,
        submission: {
          email,
          formType,
          company: 'Acme Industries',
          jobTitle: 'Marketing Manager',
          firstName: 'Terry',
          country: 'FR',
        },
      },
      { ...deps, clock: at },
    ));
    await rescoreContact(contactId, { ...deps, clock: at });
  }
  const { Items } = await table.documents.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `CONTACT#${contactId}` },
    }),
  );
  return (Items ?? []).filter((item) => !String(item.sk).startsWith('FUNNEL#'));
}

/** N copies of the template under their own ids and addresses, 25 items a BatchWriteItem, 16 in flight. */
async function seed(
  table: Table,
  template: readonly Record<string, unknown>[],
  contacts: number,
): Promise<number> {
  const templateId = String(template[0]?.contactId);
  const items = function* () {
    for (let index = 0; index < contacts; index += 1) {
      const contactId = contactIdOf(index);
      for (const item of template) {
        const copy = JSON.parse(
          JSON.stringify(item).replaceAll(templateId, contactId).replaceAll('template@', `c${index}@`),
        );
        if (copy.sk === 'PROFILE') {
          // One in ten due now on the re-score schedule; the others later.
          copy.rescoreDueAt = new Date(
            NOW.getTime() + (index % DUE_SHARE === 0 ? -DAY : 30 * DAY),
          ).toISOString();
          copy.rescoreDue = 'DUE';
        }
        yield copy;
      }
    }
  };
  const source = items();
  const lane = async () => {
    for (;;) {
      const batch: Record<string, unknown>[] = [];
      for (let next = source.next(); !next.done; next = source.next()) {
        batch.push(next.value);
        if (batch.length === 25) break;
      }
      if (batch.length === 0) return;
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await table.documents.send(
          new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[table.tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return template.length;
}

/** The yardstick of a re-score: Query a contact's partition, then UpdateItem its profile, at `lanes` in flight. */
async function rawQueryUpdatePairs(table: Table, ids: readonly string[], lanes: number): Promise<number> {
  let pairs = 0;
  const end = performance.now() + YARDSTICK_MS;
  const lane = async (offset: number) => {
    for (let index = offset; performance.now() < end; index += lanes) {
      const contactId = ids[index % ids.length];
      await table.documents.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `CONTACT#${contactId}` },
          ConsistentRead: true,
        }),
      );
      await table.documents.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: { pk: `CONTACT#${contactId}`, sk: 'PROFILE' },
          UpdateExpression: 'SET benchTouchedAt = :at',
          ExpressionAttributeValues: { ':at': new Date().toISOString() },
        }),
      );
      pairs += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: lanes }, (_, offset) => lane(offset)));
  return pairs / ((performance.now() - start) / 1000);
}

/** The yardstick of a simulation: the whole table read by a raw parallel Scan, items per second. */
async function rawParallelScan(table: Table, segments: number): Promise<number> {
  let items = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await table.documents.send(
          new ScanCommand({
            TableName: table.tableName,
            Segment: segment,
            TotalSegments: segments,
            Limit: DEFAULT_BULK_SETTINGS.pageSize,
            ExclusiveStartKey: startKey,
          }),
        );
        items += page.Items?.length ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }),
  );
  return items / ((performance.now() - start) / 1000);
}

/** Samples the heap every 20 ms; `stop` gives the peak above where it started, in MB. */
function heapWatch(): { stop: () => number } {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(((peak - base) / 1_048_576) * 10) / 10;
    },
  };
}
