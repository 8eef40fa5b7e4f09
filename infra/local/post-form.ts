/**
 * `npm run post-form -- <file.json>`: signs a form submission the way a Standard Webhooks provider
 * does and posts it to the running local gateway, so trying the pipeline needs no signing code.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { DEV_SECRETS } from './dev-secrets.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gateway: { type: 'string' },
    source: { type: 'string', default: 'generic' },
    id: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || positionals.length !== 1) {
  console.log(`Usage: npm run post-form -- <submission.json> [--id <webhook-id>] [--gateway <url>]

Signs the JSON file with WEBHOOK_SECRET_GENERIC (the local dev secret unless set) and posts it to
POST /forms/<source> of the running local gateway (read from .leadflow/local.json).
Examples: infra/local/examples/demo-request.json, infra/local/examples/newsletter-signup.json
Reuse an --id to see a redelivery recorded once.`);
  process.exit(values.help ? 0 : 2);
}

const gateway = values.gateway ?? (await localGatewayUrl());
const body = JSON.stringify(JSON.parse(await readFile(positionals[0] as string, 'utf8')));
const secret = process.env.WEBHOOK_SECRET_GENERIC ?? (DEV_SECRETS.WEBHOOK_SECRET_GENERIC as string);
const id = values.id ?? `msg_${randomUUID()}`;
const now = new Date();
const response = await fetch(`${gateway}/forms/${values.source}`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, now, body),
  },
  body,
});
console.log(`${response.status} ${response.statusText}`);
console.log(JSON.stringify(await response.json(), null, 2));
process.exitCode = response.ok ? 0 : 1;

async function localGatewayUrl(): Promise<string> {
  try {
    const urls = JSON.parse(await readFile(join(DEFAULT_DATA_DIR, 'local.json'), 'utf8')) as {
      gateway: string;
    };
    return urls.gateway;
  } catch {
    console.error('No running local pipeline found (.leadflow/local.json). Start it with `npm start`.');
    process.exit(1);
  }
}
