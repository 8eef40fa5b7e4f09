import { MAIL_TOKEN_SECRET, MailTokens } from '#shared/nurture/mail-token.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { contactsTable } from './dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from './dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbNurtureStore } from './dynamodb/dynamodb-nurture-store.ts';
import { DynamoDbSendingLedger } from './dynamodb/dynamodb-sending-ledger.ts';
import { busPublisher } from './event-publisher.ts';
import { readSecret } from './secrets.ts';

/** What the functions that change a contact's subscription (preference pages, SES feedback) use. */
export function subscriptionAdapters() {
  const { documents, tableName } = contactsTable();
  return {
    contacts: new DynamoDbContactRepository(documents, tableName),
    store: new DynamoDbNurtureStore(documents, tableName),
    events: busPublisher(),
    clock: systemClock,
    ledgerFor: (configurationSet: string) =>
      new DynamoDbSendingLedger(documents, tableName, configurationSet),
  };
}

/** The links' signing keys, read once per container from the `MAIL_TOKEN_SECRET` secret. */
export async function mailTokens(): Promise<MailTokens> {
  return new MailTokens(await readSecret(MAIL_TOKEN_SECRET));
}
