/**
 * `npm run import -- <file.csv> [--mapping <name>] [--dry-run]`: imports contacts, consent and
 * suppressions from a CSV export into the running local pipeline or a stage's table.
 */
import { runImportCommand } from './run-import-command.ts';

const code = await runImportCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exit(code);
