import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchesEventPattern, validateEventPattern } from './event-pattern.ts';
import { LocalEventBus } from './local-event-bus.ts';

/**
 * The local EventBridge API: `PutEvents` and `TestEventPattern` over the AWS JSON 1.1 protocol, so the real
 * `@aws-sdk/client-eventbridge` client talks to it unchanged once its endpoint points here (or
 * `AWS_ENDPOINT_URL_EVENTBRIDGE` does). Signatures are not checked: this never leaves the developer's
 * machine. Limits and error codes follow the EventBridge API reference (`PutEvents`, `PutEventsResultEntry`,
 * `TestEventPattern`).
 */

export interface EventBridgeEndpointOptions {
  readonly host: string;
  readonly port: number;
  readonly buses: ReadonlyMap<string, LocalEventBus> | LocalEventBus;
  /** The bus `PutEvents` uses when an entry names none; defaults to the only bus given, else `default`. */
  readonly defaultBusName?: string;
}

export interface EventBridgeEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const MAX_ENTRIES = 10;
const MAX_ENTRIES_BYTES = 256 * 1024;
const MAX_PATTERN_LENGTH = 4096;
/** Generous over the 256 KB of entries, to leave room for JSON escaping, but not unbounded. */
const MAX_BODY_BYTES = 1024 * 1024;
const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

type Json = Readonly<Record<string, unknown>>;

/** A failure answered as the JSON 1.1 error shape, which the SDK turns into a typed exception. */
class ApiError extends Error {
  readonly type: string;
  readonly status: number;
  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

export async function startEventBridgeEndpoint(
  options: EventBridgeEndpointOptions,
): Promise<EventBridgeEndpoint> {
  const buses: ReadonlyMap<string, LocalEventBus> =
    options.buses instanceof LocalEventBus ? new Map([[options.buses.name, options.buses]]) : options.buses;
  const defaultBusName =
    options.defaultBusName ?? (buses.size === 1 ? [...buses.keys()][0] : undefined) ?? 'default';
  const operations: Readonly<Record<string, (input: Json) => Json>> = {
    'AWSEvents.PutEvents': (input) => putEvents(input, buses, defaultBusName),
    'AWSEvents.TestEventPattern': testEventPattern,
  };

  const server = createServer((request, response) => {
    void handle(request, response, operations);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = ['0.0.0.0', '::', ''].includes(options.host) ? '127.0.0.1' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  operations: Readonly<Record<string, (input: Json) => Json>>,
): Promise<void> {
  try {
    if (request.method !== 'POST') throw new ApiError('UnknownOperationException', 'Only POST is supported.');
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = Object.hasOwn(operations, target) ? operations[target] : undefined;
    if (!operation)
      throw new ApiError('UnknownOperationException', `Unknown operation ${target || '(none)'}.`);
    reply(response, 200, operation(await readJsonBody(request)));
  } catch (error) {
    const failure =
      error instanceof ApiError
        ? error
        : new ApiError('InternalException', 'The local EventBridge endpoint failed.', 500);
    reply(response, failure.status, { __type: failure.type, message: failure.message }, failure.type);
  }
}

function reply(response: ServerResponse, status: number, body: Json, errorType?: string): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(payload);
}

async function readJsonBody(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError('ValidationException', 'The request body is too large.', 413);
    chunks.push(chunk as Buffer);
  }
  const parsed = parseJson(Buffer.concat(chunks).toString('utf8') || '{}');
  if (!isObject(parsed))
    throw new ApiError('SerializationException', 'The request body must be a JSON object.');
  return parsed;
}

// -------------------------------------------------------------------------------------------- PutEvents

type ResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

function putEvents(input: Json, buses: ReadonlyMap<string, LocalEventBus>, defaultBusName: string): Json {
  const entries = input.Entries;
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
    throw new ApiError(
      'ValidationException',
      "1 validation error detected: Value at 'entries' failed to satisfy constraint: " +
        `Member must have length between 1 and ${MAX_ENTRIES}`,
    );
  }
  if (entries.reduce((total: number, entry) => total + entrySize(entry), 0) > MAX_ENTRIES_BYTES) {
    throw new ApiError('ValidationException', 'Total size of the entries in the request is over the limit.');
  }
  const results = entries.map((entry): ResultEntry => putEntry(entry, buses, defaultBusName));
  return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
}

/** Each entry succeeds or fails on its own: a bad entry never fails its neighbours or the request. */
function putEntry(
  entry: unknown,
  buses: ReadonlyMap<string, LocalEventBus>,
  defaultBusName: string,
): ResultEntry {
  const fields = isObject(entry) ? entry : {};
  const busName = busNameOf(fields.EventBusName) ?? defaultBusName;
  const bus = buses.get(busName);
  if (!bus) return failure('ResourceNotFoundException', `Event bus ${busName} does not exist.`);
  for (const name of ['Source', 'DetailType', 'Detail'] as const) {
    if (typeof fields[name] !== 'string' || fields[name] === '') {
      return failure(
        'InvalidArgument',
        `Parameter ${name} is not valid. Reason: ${name} is a required argument.`,
      );
    }
  }
  const detail = parseJson(fields.Detail as string, () => undefined);
  if (!isObject(detail)) return failure('MalformedDetail', 'Detail is malformed.');
  const resources = fields.Resources ?? [];
  if (!Array.isArray(resources) || !resources.every((resource) => typeof resource === 'string')) {
    return failure(
      'InvalidArgument',
      'Parameter Resources is not valid. Reason: Resources must be a list of strings.',
    );
  }
  const time = timeOf(fields.Time);
  if (time === null)
    return failure('InvalidArgument', 'Parameter Time is not valid. Reason: Time must be a timestamp.');
  const event = bus.put({
    source: fields.Source as string,
    detailType: fields.DetailType as string,
    detail,
    resources,
    ...(time ? { time } : {}),
  });
  return { EventId: event.id };
}

function failure(code: string, message: string): ResultEntry {
  return { ErrorCode: code, ErrorMessage: message };
}

/** `EventBusName` may be a name or an ARN (`arn:aws:events:region:account:event-bus/name`). */
function busNameOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.startsWith('arn:') ? value.slice(value.indexOf(':event-bus/') + ':event-bus/'.length) : value;
}

/** The SDK sends `Time` as epoch seconds; an ISO string is accepted too. `null` means unparseable. */
function timeOf(value: unknown): Date | undefined | null {
  if (value === undefined || value === null) return undefined;
  const millis =
    typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(millis) ? new Date(millis) : null;
}

/** EventBridge's documented entry size: 14 bytes for a Time, plus the UTF-8 bytes of the strings. */
function entrySize(entry: unknown): number {
  if (!isObject(entry)) return 0;
  const strings = [
    entry.Source,
    entry.DetailType,
    entry.Detail,
    ...(Array.isArray(entry.Resources) ? entry.Resources : []),
  ];
  const bytes = strings.reduce(
    (total: number, value) => total + (typeof value === 'string' ? Buffer.byteLength(value) : 0),
    0,
  );
  return bytes + (entry.Time === undefined ? 0 : 14);
}

// ------------------------------------------------------------------------------------- TestEventPattern

function testEventPattern(input: Json): Json {
  const { EventPattern: patternText, Event: eventText } = input;
  if (typeof patternText !== 'string' || typeof eventText !== 'string') {
    throw new ApiError('ValidationException', 'EventPattern and Event are required strings.');
  }
  if (patternText.length > MAX_PATTERN_LENGTH) {
    throw new ApiError(
      'ValidationException',
      `EventPattern must be at most ${MAX_PATTERN_LENGTH} characters long.`,
    );
  }
  const pattern = parseJson(patternText, (reason) => {
    throw new ApiError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${reason}`);
  });
  const validation = validateEventPattern(pattern);
  if (!validation.ok) {
    throw new ApiError(
      'InvalidEventPatternException',
      `Event pattern is not valid. Reason: ${validation.message}`,
    );
  }
  const event = parseJson(eventText, () => undefined);
  if (!isObject(event)) throw new ApiError('ValidationException', 'Parameter Event is not valid.');
  const missing = REQUIRED_EVENT_FIELDS.filter((field) => !Object.hasOwn(event, field));
  if (missing.length > 0) {
    throw new ApiError(
      'ValidationException',
      `Parameter Event is not valid. Reason: the mandatory field(s) ${missing.join(', ')} are missing.`,
    );
  }
  return { Result: matchesEventPattern(validation.pattern, event) };
}

// --------------------------------------------------------------------------------------------- helpers

function parseJson(text: string, onError?: (reason: string) => unknown): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (onError) return onError(reason);
    throw new ApiError('SerializationException', `The request body is not valid JSON: ${reason}`);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
