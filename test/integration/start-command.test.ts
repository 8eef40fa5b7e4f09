import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, readProcessRecords } from '#infra/local/dynamodb/orphan-guard.ts';
import { REPO_ROOT } from '#infra/local/paths.ts';

const START = join(REPO_ROOT, 'infra/local/start.ts');
const FREE_PORT_FLAGS = ['--port', '0', '--dynamodb-port', '0', '--ses-port', '0', '--eventbridge-port', '0'];

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node infra/local/start.ts` as `npm start` does, with the same Node that runs the tests. */
function startCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Started {
  const child = spawn(process.execPath, [START, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, output: () => output, exit };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(100);
  }
}

const running: ChildProcess[] = [];
afterEach(() => {
  // A failed test must not leave a runtime behind; SIGKILL leaves Java to the next start's orphan check.
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start (infra/local/start.ts)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'leadflow-start-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on free ports with --fresh, serves /health, and on SIGTERM exits 0 leaving no Java behind', async () => {
    const staleMarker = join(dataDir, 'dynamodb', 'stale-data');
    await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
    await writeFile(staleMarker, 'left from an earlier run');

    const started = startCommand([...FREE_PORT_FLAGS, '--fresh', '--data-dir', dataDir]);
    running.push(started.child);

    const urls = await waitFor(
      'local.json',
      async () => JSON.parse(await readFile(join(dataDir, 'local.json'), 'utf8')) as Record<string, string>,
    );
    expect(Object.keys(urls).sort()).toEqual(['dynamodb', 'eventbridge', 'gateway', 'ses']);
    const health = await waitFor('/health 200', async () => {
      const response = await fetch(`${urls.gateway}/health`);
      return response.status === 200 ? ((await response.json()) as { status: string }) : undefined;
    });
    expect(health.status).toBe('ok');
    expect(started.output()).toContain(`Gateway      ${urls.gateway}`);
    expect(started.output()).toContain(`Mail viewer  ${urls.ses}/`);
    await expect(stat(staleMarker)).rejects.toThrow();

    const [record] = await readProcessRecords(dataDir);
    expect(record?.ownerPid).toBe(started.child.pid);
    const javaPid = record?.pid ?? -1;
    expect(await isRunning(javaPid)).toBe(true);

    started.child.kill('SIGTERM');
    expect(await started.exit).toEqual({ code: 0, signal: null });
    expect(await isRunning(javaPid)).toBe(false);
    expect(await readProcessRecords(dataDir)).toEqual([]);
    await expect(stat(join(dataDir, 'local.json'))).rejects.toThrow();
  });

  it('ends a DynamoDB Local left behind by a start that was killed', async () => {
    const crashed = startCommand([...FREE_PORT_FLAGS, '--data-dir', dataDir]);
    running.push(crashed.child);
    const record = await waitFor('a pid record', async () => (await readProcessRecords(dataDir))[0]);
    await waitFor('local.json', () => readFile(join(dataDir, 'local.json'), 'utf8'));
    crashed.child.kill('SIGKILL');
    await crashed.exit;
    expect(await isRunning(record.pid)).toBe(true);

    const next = startCommand([...FREE_PORT_FLAGS, '--data-dir', dataDir]);
    running.push(next.child);
    await waitFor('the orphan to be reported ended', async () =>
      next.output().includes(`ended DynamoDB Local (pid ${record.pid})`) ? true : undefined,
    );
    expect(await isRunning(record.pid)).toBe(false);
    await waitFor('the new start', async () =>
      (await readProcessRecords(dataDir)).some((entry) => entry.ownerPid === next.child.pid)
        ? true
        : undefined,
    );
    next.child.kill('SIGINT');
    expect((await next.exit).code).toBe(0);
  });

  it('fails with a clear message and a non-zero exit when java is not on PATH', async () => {
    const started = startCommand([...FREE_PORT_FLAGS, '--data-dir', dataDir], {
      ...process.env,
      PATH: '/nonexistent',
    });
    running.push(started.child);
    const { code } = await started.exit;
    expect(code).toBe(1);
    expect(started.output()).toMatch(/no `java` was found on PATH/);
    expect(started.output()).toMatch(/Install a Java 17\+ runtime/);
  });

  it('prints the usage for --help and refuses unknown flags', async () => {
    const help = startCommand(['--help']);
    expect((await help.exit).code).toBe(0);
    expect(help.output()).toContain('--dynamodb-port');
    const wrong = startCommand(['--nope']);
    expect((await wrong.exit).code).toBe(2);
    expect(wrong.output()).toContain('Usage:');
  });
});
