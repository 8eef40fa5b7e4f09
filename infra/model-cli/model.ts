/**
 * `npm run model -- <command>`: explain a contact's score, simulate a candidate model over the
 * stored contacts, or validate a model file. See run-model-command.ts for the options.
 */
import { runModelCommand } from './run-model-command.ts';

const code = await runModelCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exit(code);
