import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbNoticeLog } from '#shared/adapters/dynamodb/dynamodb-notice-log.ts';
import { sendingAdapters } from '#shared/adapters/sending-adapters.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import { configuredSlotWaitMs, SLOT_WAIT_ENV } from '#shared/nurture/send-rate.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { createSalesNotifierHandler } from './sales-notifier.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  return createSalesNotifierHandler({
    ...sendingAdapters(table),
    notices: new DynamoDbNoticeLog(table.documents, table.tableName),
    clock: systemClock,
    slotWaitMs: configuredSlotWaitMs(SLOT_WAIT_ENV.salesNotifier),
    recipients: notificationRecipients(),
    baseUrl: readSetting(SETTINGS.publicBaseUrl) ?? '',
  });
});
