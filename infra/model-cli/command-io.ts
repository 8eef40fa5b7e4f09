/** What a command line tool writes to, and its clock; tests capture both streams. */
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

/** Wrong options or arguments: exit code 2 with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An unknown option or a missing value, as `node:util` parseArgs reports it. */
export function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')
  );
}
