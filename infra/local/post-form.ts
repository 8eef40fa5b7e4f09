/**
 * `npm run post-form -- <file.json> [--source typeform]`: signs a form submission the way the
 * source's provider does (Standard Webhooks for `generic`, Typeform, Tally or Webflow's own scheme)
 * and posts it to the running local gateway, so trying the pipeline needs no signing code.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEV_SECRETS } from './dev-secrets.ts';
import { providerHeaders, type SignedSourceName } from './provider-signatures.ts';
import { runningPipeline } from './running-pipeline.ts';

const SECRET_OF: Readonly<Record<SignedSourceName, string>> = {
  generic: 'WEBHOOK_SECRET_GENERIC',
  typeform: 'WEBHOOK_SECRET_TYPEFORM',
  tally: 'WEBHOOK_SECRET_TALLY',
  webflow: 'WEBHOOK_SECRET_WEBFLOW',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gateway: { type: 'string' },
    source: { type: 'string', default: 'generic' },
    id: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const source = values.source as SignedSourceName;

if (values.help || positionals.length !== 1 || !Object.hasOwn(SECRET_OF, source)) {
  console.log(`Usage: npm run post-form -- <submission.json> [--source generic|typeform|tally|webflow]
                                           [--id <webhook-id>] [--gateway <url>]

Signs the JSON file as the source's provider does, with its secret (WEBHOOK_SECRET_<SOURCE>, the local
dev secret unless set), and posts it to POST /forms/<source> of the running local gateway (read from
.leadflow/local.json).
Examples: infra/local/examples/demo-request.json (generic),
          test/fixtures/providers/typeform-form-response.json --source typeform (also tally, webflow)
Reuse an --id (generic) or post a provider file twice to see a redelivery recorded once.`);
  process.exit(values.help ? 0 : 2);
}

const gateway = values.gateway ?? (await runningPipeline()).gateway;
const body = JSON.stringify(JSON.parse(await readFile(positionals[0] as string, 'utf8')));
const secretName = SECRET_OF[source];
const secret = process.env[secretName] ?? (DEV_SECRETS[secretName] as string);
const response = await fetch(`${gateway}/forms/${source}`, {
  method: 'POST',
  headers: providerHeaders(source, body, { secret, id: values.id }),
  body,
});
console.log(`${response.status} ${response.statusText}`);
console.log(JSON.stringify(await response.json(), null, 2));
process.exitCode = response.ok ? 0 : 1;
