import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbDigestStore } from '#shared/adapters/dynamodb/dynamodb-digest-store.ts';
import { sendingAdapters } from '#shared/adapters/sending-adapters.ts';
import { configuredSlotWaitMs, SLOT_WAIT_ENV } from '#shared/nurture/send-rate.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { createDailyDigestHandler } from './daily-digest.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  return createDailyDigestHandler({
    digests: new DynamoDbDigestStore(table.documents, table.tableName),
    contacts: new DynamoDbContactRepository(table.documents, table.tableName),
    ...sendingAdapters(table),
    clock: systemClock,
    slotWaitMs: configuredSlotWaitMs(SLOT_WAIT_ENV.dailyDigest),
    recipients: [...readSetting(SETTINGS.digestRecipients)],
  });
});
