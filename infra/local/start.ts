/**
 * `npm start`: runs leadflow on this machine (see cli/cli-args.ts for the options). Prints where
 * everything is, writes the base URLs to `<data dir>/local.json` for scripts and tools, and stops
 * everything, Java included, on Ctrl+C or SIGTERM, exiting 0.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { functions } from '#infra/wiring/functions.ts';
import { formatBanner } from './cli/banner.ts';
import { parseStartCommand, USAGE, UsageError } from './cli/cli-args.ts';
import { JavaRuntimeError } from './dynamodb/java-runtime.ts';
import { LOCAL_EVENT_BUS_NAME, type LocalRuntime, startLocalRuntime } from './runtime.ts';

async function main(): Promise<number> {
  let command: ReturnType<typeof parseStartCommand>;
  try {
    command = parseStartCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  let runtime: LocalRuntime | undefined;
  let stopRequested = false;
  let stopping = false;
  const localJson = join(command.dataDir, 'local.json');

  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the local runtime…\n');
    await runtime?.stop();
    await rm(localJson, { force: true });
    process.exit(0);
  };
  const onSignal = (): void => {
    if (stopping) {
      // A second Ctrl+C: leave now; the process guard still ends DynamoDB Local on exit.
      process.exit(1);
    }
    stopRequested = true;
    if (runtime) void shutdown();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const started = performance.now();
  try {
    runtime = await startLocalRuntime({
      host: command.host,
      ports: command.ports,
      dataDir: command.dataDir,
      fresh: command.fresh,
    });
  } catch (error) {
    // Stopped while starting: the failure is the stop itself (DynamoDB Local was ended), not a fault.
    if (stopRequested) return 0;
    process.stderr.write(`\nThe local runtime could not start: ${describeStartError(error)}\n`);
    return 1;
  }
  if (stopRequested) {
    await shutdown();
    return 0;
  }

  await mkdir(command.dataDir, { recursive: true });
  await writeFile(
    localJson,
    `${JSON.stringify(
      {
        gateway: runtime.urls.gateway,
        dynamodb: runtime.urls.dynamodb,
        ses: runtime.urls.ses,
        eventbridge: runtime.urls.eventbridge,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(
    `\n${formatBanner({
      urls: runtime.urls,
      tableName: runtime.tableName,
      eventBusName: LOCAL_EVENT_BUS_NAME,
      functions,
      startedInMs: performance.now() - started,
      dataDir: command.dataDir,
    })}`,
  );
  // Keep running: the servers hold the event loop open until a signal stops them.
  return -1;
}

/** Setup problems are one sentence; anything else keeps its stack, which is about our code. */
function describeStartError(error: unknown): string {
  if (error instanceof JavaRuntimeError) return error.message;
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    return (
      `${(error as Error).message.replace(/\.?$/, '.')} Is another \`npm start\` running? ` +
      'Pick other ports with --port, --dynamodb-port, --ses-port and --eventbridge-port (0 picks a free one).'
    );
  }
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

const code = await main();
if (code >= 0) process.exit(code);
