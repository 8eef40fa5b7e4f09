import { readFile } from 'node:fs/promises';

/** Ticks per second of /proc/<pid>/stat's times: 100 on Linux for every architecture leadflow runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) this Node process has used. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds another process has used, from /proc (Linux): how the benchmark sees what
 * DynamoDB Local's Java process spent. Undefined where /proc is not there.
 */
export async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
