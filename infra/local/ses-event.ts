/**
 * `npm run ses-event -- <bounce|complaint|delivery|open|click> <email>`: plays SES's part for the
 * running local pipeline. SES local sends mail but no feedback, so this finds the last email sent to
 * the address and puts the SES event about it on the local bus, as SES and the forwarding rule do in AWS.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { MAIL_TAGS } from '#shared/nurture/mail-tags.ts';
import { runningPipeline } from './running-pipeline.ts';
import { LOCAL_EVENT_BUS_NAME, LOCAL_REGION, LOCAL_TABLE_NAME } from './runtime.ts';
import { SES_EVENT_KINDS, type SesEventKind, sesFeedbackEvent } from './ses-feedback-event.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    link: { type: 'string' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const kind = SES_EVENT_KINDS.find((candidate) => candidate.toLowerCase() === positionals[0]?.toLowerCase());
const address = positionals[1] ? normalizeEmail(positionals[1]) : undefined;
if (values.help || !kind || !address?.ok || positionals.length !== 2) {
  console.log(`Usage: npm run ses-event -- <${SES_EVENT_KINDS.map((k) => k.toLowerCase()).join('|')}> <email> [--link <url>] [--data-dir <dir>]

Puts the SES event about the last email sent to <email> on the running local pipeline's bus
(read from <data dir>/local.json, .leadflow/ by default): a bounce or complaint suppresses the address, an open or a click
becomes an activity that re-scores the contact.`);
  process.exit(values.help ? 0 : 2);
}

const urls = await runningPipeline(values['data-dir']);
const local = { region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
const store = (await (await fetch(`${urls.ses}/store`)).json()) as {
  emails: { messageId: string; destination: { to: string[] } }[];
};
const mail = store.emails.filter((email) => email.destination.to.includes(address.email)).at(-1);
if (!mail) {
  console.error(`No email was sent to ${address.email} yet.`);
  process.exit(1);
}
const tags = await tagsOf(address.email, mail.messageId);
const event = sesFeedbackEvent({
  kind: kind as SesEventKind,
  messageId: mail.messageId,
  recipient: address.email,
  at: new Date(),
  tags,
  link: values.link,
});
const eventBridge = new EventBridgeClient({ ...local, endpoint: urls.eventbridge });
const response = await eventBridge.send(
  new PutEventsCommand({
    Entries: [
      {
        EventBusName: LOCAL_EVENT_BUS_NAME,
        Source: event.source,
        DetailType: event.detailType,
        Detail: JSON.stringify(event.detail),
      },
    ],
  }),
);
eventBridge.destroy();
if (response.FailedEntryCount) {
  console.error(`The local bus refused the event: ${response.Entries?.[0]?.ErrorMessage}`);
  process.exit(1);
}
console.log(
  `"${event.detailType}" put for message ${mail.messageId} (event ${response.Entries?.[0]?.EventId}).`,
);

/** The tags leadflow set on that email, as SES would echo them: found on the contact's email record. */
async function tagsOf(email: string, messageId: string): Promise<Record<string, string>> {
  const contactId = contactIdFor(email);
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ ...local, endpoint: urls.dynamodb }));
  const { Items = [] } = await documents.send(
    new QueryCommand({
      TableName: LOCAL_TABLE_NAME,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :email)',
      ExpressionAttributeValues: { ':pk': `CONTACT#${contactId}`, ':email': 'EMAIL#' },
    }),
  );
  documents.destroy();
  const record = Items.find((item) => item.messageId === messageId);
  // An internal email (the digest) is not recorded on a contact and carries no contact tag.
  if (!record) return {};
  return { [MAIL_TAGS.contactId]: contactId, [MAIL_TAGS.sentAt]: String(new Date(record.sentAt).getTime()) };
}
