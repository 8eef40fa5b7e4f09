/**
 * `npm run config -- <command>`: validate, diff, publish, roll back and list the versions of the
 * configuration documents (scoring model…) against the local pipeline or a stage. See
 * run-config-command.ts for the options.
 */
import { runConfigCommand } from './run-config-command.ts';

const code = await runConfigCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exit(code);
