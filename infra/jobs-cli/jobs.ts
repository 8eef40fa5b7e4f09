/**
 * `npm run jobs -- <command>`: list the bulk jobs, show one with its failures, or cancel one.
 * See run-jobs-command.ts for the options.
 */
import { runJobsCommand } from './run-jobs-command.ts';

const code = await runJobsCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exit(code);
