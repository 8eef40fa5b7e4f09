import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isRunning } from '#infra/local/dynamodb/orphan-guard.ts';
import { REPO_ROOT } from '#infra/local/paths.ts';

const PARENT = join(REPO_ROOT, 'test/fixtures/local/guarded-parent.ts');

/** Starts the fixture parent and resolves once it has printed its guarded child's pid. */
async function guardedParent(mode: string) {
  const parent = spawn(process.execPath, [PARENT, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  parent.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  parent.stderr.resume();
  const exit = once(parent, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  while (!output.includes('\n')) await sleep(20);
  return { parent, childPid: Number(output.split('\n')[0]), exit, output: () => output };
}

async function gone(pid: number): Promise<boolean> {
  for (let waited = 0; waited < 3_000; waited += 50) {
    if (!(await isRunning(pid))) return true;
    await sleep(50);
  }
  return false;
}

describe('guardChildProcess', () => {
  it('ends the child when the parent exits', async () => {
    const { childPid, exit } = await guardedParent('exit');
    expect(await isRunning(childPid)).toBe(true);
    expect((await exit)[0]).toBe(3);
    expect(await gone(childPid)).toBe(true);
  });

  it('ends the child when the parent dies of an uncaught error', async () => {
    const { childPid, exit } = await guardedParent('crash');
    expect((await exit)[0]).toBe(1);
    expect(await gone(childPid)).toBe(true);
  });

  it('ends the child on SIGTERM and still lets the signal end the parent', async () => {
    const { parent, childPid, exit } = await guardedParent('wait');
    parent.kill('SIGTERM');
    expect(await exit).toEqual([null, 'SIGTERM']);
    expect(await gone(childPid)).toBe(true);
  });

  it('ends the child on a signal but leaves the shutdown to an application that handles it', async () => {
    const { parent, childPid, exit, output } = await guardedParent('app-handler');
    parent.kill('SIGTERM');
    expect(await exit).toEqual([0, null]);
    expect(output()).toContain('handled');
    expect(await gone(childPid)).toBe(true);
  });
});
