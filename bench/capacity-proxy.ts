import diagnostics from 'node:diagnostics_channel';
import {
  type ClientRequest,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import { runningFunctionName } from '#infra/local/lambda/local-function.ts';
import type { TableDefinition } from '#infra/tables.ts';
import {
  type IndexWrite,
  indexWritesOf,
  itemSize,
  purposeOf,
  stringOf,
  type WireItem,
  writeUnitsOf,
} from './dynamodb-items.ts';

/** One DynamoDB call, who made it, what for, and what it cost. */
export interface LedgerEntry {
  /** The function whose invocation made the call (the local runtime's name for it). */
  readonly function: string;
  readonly operation: string;
  /** What each item written or read is, from its key (see purposeOf). */
  readonly purposes: readonly string[];
  /** Reads only: strongly consistent (eventual would cost half). */
  readonly consistentRead?: boolean;
  readonly readUnits: number;
  /** Table and index write units as DynamoDB Local reports them (it prices some differently from AWS). */
  readonly reportedWriteUnits: number;
  /** The table's write units by AWS's rules (see tableWriteUnitsOf); transactions ×2. */
  readonly billedWriteUnits: number;
  /** Index writes by AWS's rules, from the item before and after and the index projections. */
  readonly indexWrites: readonly IndexWrite[];
}

/** What the functions asked of DynamoDB, as DynamoDB would bill it. */
export interface CapacityTally {
  operations: Record<string, number>;
  readUnits: number;
  /** Table and index write units as DynamoDB Local reports them, transactions ×2 (the figure before the ledger). */
  reportedWriteUnits: number;
  /** The table's write units by AWS's rules, transactions ×2. */
  billedTableWriteUnits: number;
  /** Global secondary index write units by AWS's rules. */
  indexWriteUnits: number;
  /** Table and index write units, as AWS bills them. */
  billedWriteUnits: number;
  /** Whether DynamoDB Local answered `ReturnConsumedCapacity: INDEXES` with index units. */
  indexUnitsReported: boolean;
  ledger: LedgerEntry[];
}

export interface CapacityProxy {
  readonly url: string;
  /** Where requests go; set once DynamoDB Local's URL is known. */
  target: string;
  /** Off: requests are piped through untouched (throughput runs, where counting would cost time). */
  counting: boolean;
  readonly tally: CapacityTally;
  reset(): void;
  close(): Promise<void>;
}

const READ_OPERATIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
/** Tags each request to the proxy with the function that made it (read back in `ledgerEntry`). */
const FUNCTION_HEADER = 'x-leadflow-bench-function';
const OUTSIDE_FUNCTIONS = '(outside any function)';

const emptyTally = (): CapacityTally => ({
  operations: {},
  readUnits: 0,
  reportedWriteUnits: 0,
  billedTableWriteUnits: 0,
  indexWriteUnits: 0,
  billedWriteUnits: 0,
  indexUnitsReported: false,
  ledger: [],
});

/**
 * Sits between the functions and DynamoDB Local (through AWS_ENDPOINT_URL_DYNAMODB), asks for
 * `ReturnConsumedCapacity: INDEXES` on every call and adds up operations and units. DynamoDB Local
 * reports index units, but prices some writes differently from AWS (it doubles the index units of a
 * transaction, and counts a transaction's new contact item twice), so each write's items are also
 * read before and after (directly, uncounted) and priced by AWS's rules; Local's figures stay beside
 * them. Function code is untouched: the function that made a call is known from the local runtime's
 * asynchronous context. DynamoDB Local does not check request signatures, so the body can be amended.
 */
export async function startCapacityProxy(table: TableDefinition): Promise<CapacityProxy> {
  const tally = emptyTally();
  const proxy = {
    url: '',
    target: '',
    counting: true,
    tally,
    reset() {
      Object.assign(tally, emptyTally());
    },
    close: () => {
      diagnostics.unsubscribe('http.client.request.created', tagWithFunction);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } as CapacityProxy;

  // Runs synchronously where the SDK creates its request, so inside the invocation's context.
  const tagWithFunction = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (!proxy.url || request.getHeader('host') !== new URL(proxy.url).host) return;
    request.setHeader(FUNCTION_HEADER, runningFunctionName() ?? OUTSIDE_FUNCTIONS);
  };
  diagnostics.subscribe('http.client.request.created', tagWithFunction);

  const server: Server = createServer((incoming, outgoing) => {
    if (!proxy.counting) {
      const forward = httpRequest(
        proxy.target,
        { method: incoming.method, headers: incoming.headers },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 500, response.headers);
          response.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.destroy());
      incoming.pipe(forward);
      return;
    }
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const operation = String(incoming.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown';
      const request = parseJson(Buffer.concat(chunks));
      const call = { proxy, table, operation, request, headers: incoming.headers };
      counted(call).then(
        ({ status, headers, payload }) => {
          outgoing.writeHead(status, headers);
          outgoing.end(payload);
        },
        (error: unknown) => {
          outgoing.writeHead(502);
          outgoing.end(error instanceof Error ? error.message : String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('capacity proxy has no port');
  (proxy as { url: string }).url = `http://127.0.0.1:${address.port}`;
  return proxy;
}

interface Call {
  readonly proxy: CapacityProxy;
  readonly table: TableDefinition;
  readonly operation: string;
  readonly request: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly payload: Buffer;
}

async function counted(call: Call): Promise<Answer> {
  const keys = writtenKeys(call.operation, call.request, call.table);
  const before = await Promise.all(keys.map((key) => readItem(call, key)));
  const body = Buffer.from(JSON.stringify({ ...call.request, ReturnConsumedCapacity: 'INDEXES' }));
  const { [FUNCTION_HEADER]: _tag, ...headers } = call.headers;
  const answer = await send(
    call.proxy.target,
    { ...headers, 'content-length': String(body.byteLength) },
    body,
  );
  const response = parseJson(answer.payload);
  if (answer.status !== 200) {
    // Refused (a failed condition, a cancelled transaction): AWS still bills the attempt, as Local says.
    record(call, response, { tableUnits: reportedUnits(response).total, indexWrites: [] });
    return answer;
  }
  const after = await Promise.all(keys.map((key) => readItem(call, key)));
  const tableUnits = keys.reduce((sum, _, i) => sum + tableWriteUnitsOf(before[i], after[i]), 0);
  const indexWrites = keys.flatMap((_, i) => indexWritesOf(call.table, before[i], after[i]));
  record(call, response, { tableUnits, indexWrites });
  return answer;
}

/** AWS's rule for the table: the larger of the item before and after, one unit per started kilobyte. */
function tableWriteUnitsOf(before: WireItem | undefined, after: WireItem | undefined): number {
  return writeUnitsOf(Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0));
}

function reportedUnits(response: Record<string, unknown>) {
  const consumed = response.ConsumedCapacity;
  const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as {
    CapacityUnits?: number;
    GlobalSecondaryIndexes?: unknown;
  }[];
  return {
    total: entries.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0),
    withIndexes: entries.some((entry) => entry.GlobalSecondaryIndexes),
  };
}

function record(
  call: Call,
  response: Record<string, unknown>,
  priced: { tableUnits: number; indexWrites: IndexWrite[] },
): void {
  const { tally } = call.proxy;
  const { operation, request } = call;
  tally.operations[operation] = (tally.operations[operation] ?? 0) + 1;
  const reported = reportedUnits(response);
  if (reported.withIndexes) tally.indexUnitsReported = true;
  const read = READ_OPERATIONS.has(operation);
  const transactional = operation === 'TransactWriteItems';
  const reportedWrite = read ? 0 : transactional ? reported.total * 2 : reported.total;
  const billedTable = read ? 0 : transactional ? priced.tableUnits * 2 : priced.tableUnits;
  const indexUnits = priced.indexWrites.reduce((sum, write) => sum + write.units, 0);
  tally.readUnits += read ? reported.total : 0;
  tally.reportedWriteUnits += reportedWrite;
  tally.billedTableWriteUnits += billedTable;
  tally.indexWriteUnits += indexUnits;
  tally.billedWriteUnits += billedTable + indexUnits;
  tally.ledger.push({
    function: String(call.headers[FUNCTION_HEADER] ?? OUTSIDE_FUNCTIONS),
    operation,
    purposes: purposesOf(operation, request, call.table),
    ...(read ? { consistentRead: request.ConsistentRead === true } : {}),
    readUnits: read ? reported.total : 0,
    reportedWriteUnits: reportedWrite,
    billedWriteUnits: billedTable,
    indexWrites: priced.indexWrites,
  });
}

interface ItemKey {
  readonly tableName: string;
  readonly key: WireItem;
}

/** The items a write touches, by key. */
function writtenKeys(operation: string, request: Record<string, unknown>, table: TableDefinition): ItemKey[] {
  const keyOf = (tableName: unknown, item: unknown): ItemKey => {
    const wire = item as WireItem;
    const key: WireItem = { [table.partitionKey]: wire[table.partitionKey] ?? {} };
    if (wire[table.sortKey]) key[table.sortKey] = wire[table.sortKey] as WireItem[string];
    return { tableName: String(tableName), key };
  };
  switch (operation) {
    case 'PutItem':
      return [keyOf(request.TableName, request.Item)];
    case 'UpdateItem':
    case 'DeleteItem':
      return [keyOf(request.TableName, request.Key)];
    case 'TransactWriteItems':
      return (request.TransactItems as Record<string, { TableName: string; Item?: unknown; Key?: unknown }>[])
        .map((item) => item.Put ?? item.Update ?? item.Delete)
        .filter((write) => write !== undefined)
        .map((write) => keyOf(write.TableName, write.Item ?? write.Key));
    case 'BatchWriteItem':
      return Object.entries(
        request.RequestItems as Record<string, Record<string, { Item?: unknown; Key?: unknown }>[]>,
      ).flatMap(([tableName, writes]) =>
        writes.map((write) => keyOf(tableName, write.PutRequest?.Item ?? write.DeleteRequest?.Key)),
      );
    default:
      return [];
  }
}

function purposesOf(operation: string, request: Record<string, unknown>, table: TableDefinition): string[] {
  const ofKey = (key: unknown) => {
    const wire = key as WireItem;
    return purposeOf(stringOf(wire[table.partitionKey]) ?? '', stringOf(wire[table.sortKey]));
  };
  if (operation === 'GetItem') return [ofKey(request.Key)];
  if (operation === 'Query' || operation === 'Scan') {
    if (typeof request.IndexName === 'string') return [`index ${request.IndexName}`];
    return [purposeOf(queriedPartition(request) ?? '')];
  }
  const written = writtenKeys(operation, request, table).map((item) => ofKey(item.key));
  return written.length > 0 ? written : [operation];
}

/** The partition value a Query names in `pk = :value`. */
function queriedPartition(request: Record<string, unknown>): string | undefined {
  const match = /^\s*(#?\w+)\s*=\s*(:\w+)/.exec(String(request.KeyConditionExpression ?? ''));
  if (!match) return undefined;
  const values = (request.ExpressionAttributeValues ?? {}) as WireItem;
  return stringOf(values[match[2] as string]);
}

async function readItem(call: Call, { tableName, key }: ItemKey): Promise<WireItem | undefined> {
  const body = Buffer.from(JSON.stringify({ TableName: tableName, Key: key, ConsistentRead: true }));
  const headers = {
    ...call.headers,
    [FUNCTION_HEADER]: undefined,
    'x-amz-target': 'DynamoDB_20120810.GetItem',
    'content-length': String(body.byteLength),
  };
  const answer = await send(call.proxy.target, headers, body);
  return parseJson(answer.payload).Item as WireItem | undefined;
}

function send(target: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Answer> {
  const defined = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined));
  return new Promise((resolve, reject) => {
    const forward = httpRequest(target, { method: 'POST', headers: defined }, (response) => {
      const answer: Buffer[] = [];
      response.on('data', (chunk: Buffer) => answer.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 500,
          headers: response.headers,
          payload: Buffer.concat(answer),
        }),
      );
      response.on('error', reject);
    });
    forward.on('error', reject);
    forward.end(body);
  });
}

function parseJson(body: Buffer): Record<string, unknown> {
  try {
    return body.byteLength === 0 ? {} : (JSON.parse(body.toString('utf8')) as Record<string, unknown>);
  } catch {
    // Not JSON (an error page): nothing to read.
    return {};
  }
}
