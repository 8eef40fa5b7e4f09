/**
 * `npm run console:build -- --out <dir>`: writes the marketing console as static files, for a host
 * that serves it beside the API (same origin, `/admin/*` passed to the API). `--cognito-region` and
 * `--cognito-client-id` make it sign people in with the admins' user pool, as in AWS.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildConsole, configFile, writeConsole } from './build-console.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'cognito-region': { type: 'string' },
    'cognito-client-id': { type: 'string' },
  },
});
if (!values.out || Boolean(values['cognito-region']) !== Boolean(values['cognito-client-id'])) {
  process.stderr.write(
    'Usage: npm run console:build -- --out <dir> [--cognito-region <region> --cognito-client-id <id>]\n',
  );
  process.exit(2);
}
const files = new Map(buildConsole());
const signIn =
  values['cognito-region'] && values['cognito-client-id']
    ? { kind: 'cognito', region: values['cognito-region'], clientId: values['cognito-client-id'] }
    : { kind: 'token' };
files.set('/config.json', configFile({ signIn }));
const out = resolve(values.out);
writeConsole(out, files);
process.stdout.write(`The console is in ${out} (${files.size} files).\n`);
