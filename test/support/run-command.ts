import type { CommandIo } from '#infra/local/cli/command-io.ts';

/** Runs a command line tool's entry with both streams captured: its exit code, stdout and stderr. */
export async function runCaptured(
  command: (argv: readonly string[], io: CommandIo) => Promise<number>,
  argv: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await command(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}
