import { createServer, request as httpRequest, type Server } from 'node:http';

/** What the functions asked of DynamoDB, as DynamoDB would bill it. */
export interface CapacityTally {
  operations: Record<string, number>;
  readUnits: number;
  /** As DynamoDB Local reports them. */
  writeUnits: number;
  /** AWS bills a transactional write at twice the units of a plain one; DynamoDB Local does not. */
  billedWriteUnits: number;
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

/**
 * Sits between the functions and DynamoDB Local (through AWS_ENDPOINT_URL_DYNAMODB), asks for
 * `ReturnConsumedCapacity: TOTAL` on every call and adds up operations and units. Function code is
 * untouched: this is how the benchmark counts the cost of a submission. DynamoDB Local does not
 * check request signatures, so the body can be amended.
 */
export async function startCapacityProxy(): Promise<CapacityProxy> {
  const tally: CapacityTally = { operations: {}, readUnits: 0, writeUnits: 0, billedWriteUnits: 0 };
  const proxy = {
    url: '',
    target: '',
    counting: true,
    tally,
    reset() {
      Object.assign(tally, { operations: {}, readUnits: 0, writeUnits: 0, billedWriteUnits: 0 });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as CapacityProxy;

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
      const body = withConsumedCapacity(Buffer.concat(chunks));
      const headers = { ...incoming.headers, 'content-length': String(body.byteLength) };
      const forward = httpRequest(proxy.target, { method: incoming.method, headers }, (response) => {
        const answer: Buffer[] = [];
        response.on('data', (chunk: Buffer) => answer.push(chunk));
        response.on('end', () => {
          const payload = Buffer.concat(answer);
          count(tally, operation, payload);
          outgoing.writeHead(response.statusCode ?? 500, response.headers);
          outgoing.end(payload);
        });
      });
      forward.on('error', (error) => {
        outgoing.writeHead(502);
        outgoing.end(error.message);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('capacity proxy has no port');
  (proxy as { url: string }).url = `http://127.0.0.1:${address.port}`;
  return proxy;
}

function withConsumedCapacity(body: Buffer): Buffer {
  if (body.byteLength === 0) return body;
  const request = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  request.ReturnConsumedCapacity = 'TOTAL';
  return Buffer.from(JSON.stringify(request));
}

function count(tally: CapacityTally, operation: string, payload: Buffer): void {
  tally.operations[operation] = (tally.operations[operation] ?? 0) + 1;
  let units = 0;
  try {
    const response = JSON.parse(payload.toString('utf8')) as { ConsumedCapacity?: unknown };
    const consumed = response.ConsumedCapacity;
    const entries = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    units = entries.reduce(
      (sum: number, entry: { CapacityUnits?: number }) => sum + (entry.CapacityUnits ?? 0),
      0,
    );
  } catch {
    // Not JSON (an error page): nothing consumed.
  }
  if (READ_OPERATIONS.has(operation)) {
    tally.readUnits += units;
  } else {
    tally.writeUnits += units;
    tally.billedWriteUnits += operation === 'TransactWriteItems' ? units * 2 : units;
  }
}
