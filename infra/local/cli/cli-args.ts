import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../paths.ts';

export interface StartCommand {
  readonly help: boolean;
  readonly host: string;
  readonly ports: {
    readonly gateway: number;
    readonly dynamodb: number;
    readonly ses: number;
    readonly eventbridge: number;
  };
  readonly fresh: boolean;
  readonly dataDir: string;
}

export const USAGE = `Usage: npm start -- [options]   (or: node infra/local/start.ts [options])

Runs leadflow locally: DynamoDB Local, SES and EventBridge emulators, and an HTTP gateway for the
declared routes, with the declared rules and schedules. Needs Java 17+ for DynamoDB Local.

Options:
  --port <n>              HTTP gateway port (default 3000; 0 picks a free port)
  --dynamodb-port <n>     DynamoDB Local port (default 8000)
  --ses-port <n>          SES emulator port, also its mail viewer (default 8005)
  --eventbridge-port <n>  EventBridge endpoint port (default 8010)
  --host <address>        Address to listen on (default 127.0.0.1)
  --data-dir <path>       Local state: DynamoDB data, local.json (default .leadflow/)
  --fresh                 Delete the local DynamoDB data before starting
  --help                  Show this help
`;

/** A command line that cannot be run; start.ts prints the message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the `npm start` arguments; unknown options and malformed ports are usage errors. */
export function parseStartCommand(argv: readonly string[], cwd = process.cwd()): StartCommand {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    help: values.help ?? false,
    host: values.host ?? '127.0.0.1',
    ports: {
      gateway: port('--port', values.port, 3000),
      dynamodb: port('--dynamodb-port', values['dynamodb-port'], 8000),
      ses: port('--ses-port', values['ses-port'], 8005),
      eventbridge: port('--eventbridge-port', values['eventbridge-port'], 8010),
    },
    fresh: values.fresh ?? false,
    dataDir: values['data-dir'] ? resolve(cwd, values['data-dir']) : DEFAULT_DATA_DIR,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      'dynamodb-port': { type: 'string' },
      'ses-port': { type: 'string' },
      'eventbridge-port': { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      fresh: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function port(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65_535) {
    throw new UsageError(`${flag} must be a port number from 0 to 65535, not "${value}".`);
  }
  return parsed;
}
