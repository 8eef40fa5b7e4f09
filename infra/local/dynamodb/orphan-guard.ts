import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Pid records for DynamoDB Local processes, one file per Java process under `<stateDir>/processes/`,
 * each naming the Node process that owns it. A Node parent killed with SIGKILL (or a crashed test
 * worker) runs no exit handler, so its Java child lives on holding the port and the database file;
 * the next start finds the record of a dead owner and ends that Java process. Records of live owners
 * are left alone, so several runtimes (parallel test files) can share a state directory.
 */
export interface ProcessRecord {
  readonly pid: number;
  readonly ownerPid: number;
  readonly port: number;
  readonly startedAt: string;
}

/** The marker in the command line of every DynamoDB Local Java process. */
const DYNAMODB_LOCAL_MARKER = 'DynamoDBLocal.jar';

function recordsDir(stateDir: string): string {
  return join(stateDir, 'processes');
}

function recordPath(stateDir: string, pid: number): string {
  return join(recordsDir(stateDir), `dynamodb-local-${pid}.json`);
}

export async function writeProcessRecord(stateDir: string, record: ProcessRecord): Promise<void> {
  await mkdir(recordsDir(stateDir), { recursive: true });
  await writeFile(recordPath(stateDir, record.pid), `${JSON.stringify(record)}\n`);
}

export async function removeProcessRecord(stateDir: string, pid: number): Promise<void> {
  await rm(recordPath(stateDir, pid), { force: true });
}

export async function readProcessRecords(stateDir: string): Promise<ProcessRecord[]> {
  let names: string[];
  try {
    names = await readdir(recordsDir(stateDir));
  } catch {
    return [];
  }
  const records: ProcessRecord[] = [];
  for (const name of names.filter((file) => /^dynamodb-local-\d+\.json$/.test(file))) {
    try {
      const parsed = JSON.parse(await readFile(join(recordsDir(stateDir), name), 'utf8')) as ProcessRecord;
      if (Number.isInteger(parsed.pid) && Number.isInteger(parsed.ownerPid)) records.push(parsed);
    } catch {
      // A half-written record from a crash mid-write: nothing to act on.
    }
  }
  return records;
}

/**
 * Ends DynamoDB Local processes whose owner is gone, after checking that the pid still belongs to
 * a DynamoDB Local Java process (a pid can be reused by anything once its process has ended).
 * Returns the pids it ended.
 */
export async function killOrphanedDynamoDbLocal(
  stateDir: string,
  log: (line: string) => void,
): Promise<number[]> {
  const killed: number[] = [];
  for (const record of await readProcessRecords(stateDir)) {
    if (await isRunning(record.ownerPid)) continue;
    if ((await isRunning(record.pid)) && (await isDynamoDbLocal(record.pid))) {
      process.kill(record.pid, 'SIGKILL');
      // Gone before the new one starts, so the port and the database file are free again.
      for (let waited = 0; waited < 5_000 && (await isRunning(record.pid)); waited += 50) await sleep(50);
      killed.push(record.pid);
      log(`dynamodb: ended DynamoDB Local (pid ${record.pid}) left running by an earlier run that crashed`);
    }
    await removeProcessRecord(stateDir, record.pid);
  }
  return killed;
}

/**
 * True while a process with this pid runs. A process killed a moment ago can linger as a zombie
 * until it is reaped (slowly, where the init process is not a shell), and a zombie is not running.
 */
export async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = await psField(pid, 'stat=');
  return state === undefined || !state.trim().startsWith('Z');
}

/** Reads the command line with `ps`, which Linux and macOS both have; unknown means "do not kill". */
export async function isDynamoDbLocal(pid: number): Promise<boolean> {
  return (await psField(pid, 'args='))?.includes(DYNAMODB_LOCAL_MARKER) ?? false;
}

/** One `ps` column for one pid; undefined when `ps` fails or knows no such process. */
function psField(pid: number, field: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', field, '-p', String(pid)], (error, stdout) => {
      resolve(error || stdout.trim() === '' ? undefined : stdout);
    });
  });
}
