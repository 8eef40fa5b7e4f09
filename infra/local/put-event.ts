/**
 * `npm run put-event -- <file.json>`: puts an engagement signal or a won deal on the running local
 * pipeline's bus, as the webinar platform, the scheduler or the CRM's integration would in AWS.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventEntryFrom } from './local-event-file.ts';
import { runningPipeline } from './running-pipeline.ts';
import { LOCAL_EVENT_BUS_NAME, LOCAL_REGION } from './runtime.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1) {
  console.log(`Usage: npm run put-event -- <file.json> [--data-dir <dir>]

Puts the event in <file.json> ({"Source", "DetailType", "Detail"}, as in \`aws events put-events\`)
on the running local pipeline's bus, after checking it against its contract. Examples in
infra/local/examples/: deal-won.json, meeting-booked.json.`);
  process.exit(values.help ? 0 : 2);
}

const read = eventEntryFrom(await readFile(positionals[0] as string, 'utf8'));
if (!read.ok) {
  console.error(read.problem);
  process.exit(1);
}
const { eventbridge } = await runningPipeline(values['data-dir']);
const client = new EventBridgeClient({
  endpoint: eventbridge,
  region: LOCAL_REGION,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const { Source, DetailType, Detail } = read.entry;
const response = await client.send(
  new PutEventsCommand({
    Entries: [{ EventBusName: LOCAL_EVENT_BUS_NAME, Source, DetailType, Detail: JSON.stringify(Detail) }],
  }),
);
client.destroy();
if (response.FailedEntryCount) {
  console.error(`The local bus refused the event: ${response.Entries?.[0]?.ErrorMessage}`);
  process.exit(1);
}
console.log(`"${DetailType}" put (event ${response.Entries?.[0]?.EventId}).`);
