import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbFollowUpStore } from '#shared/adapters/dynamodb/dynamodb-follow-up-store.ts';
import { DynamoDbNoticeLog } from '#shared/adapters/dynamodb/dynamodb-notice-log.ts';
import { sendingAdapters } from '#shared/adapters/sending-adapters.ts';
import { configuredSlotWaitMs, SLOT_WAIT_ENV } from '#shared/nurture/send-rate.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { createFollowUpNotifierHandler } from './follow-up-notifier.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  return createFollowUpNotifierHandler({
    ...sendingAdapters(table),
    followUps: new DynamoDbFollowUpStore(table.documents, table.tableName),
    contacts: new DynamoDbContactRepository(table.documents, table.tableName),
    notices: new DynamoDbNoticeLog(table.documents, table.tableName),
    routing: defaultRoutingConfig,
    clock: systemClock,
    consoleUrl: readSetting(SETTINGS.consoleUrl),
    slotWaitMs: configuredSlotWaitMs(SLOT_WAIT_ENV.salesNotifier),
  });
});
