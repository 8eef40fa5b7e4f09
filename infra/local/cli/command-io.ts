/** Where a developer command writes, so tests read its output instead of the terminal. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now?: () => Date;
}

/** The options that say which table a command works on (see table-target.ts), for `parseArgs`. */
export const TABLE_OPTIONS = {
  endpoint: { type: 'string' },
  table: { type: 'string' },
  region: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

/** Thrown for a wrong invocation: the command prints the sentence and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util's parseArgs refuses an unknown option or a missing value with these codes. */
export function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')
  );
}
