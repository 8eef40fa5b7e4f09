import { SlackIncomingWebhook } from '#shared/adapters/chat/slack-incoming-webhook.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbNoticeLog } from '#shared/adapters/dynamodb/dynamodb-notice-log.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { sendingAdapters } from '#shared/adapters/sending-adapters.ts';
import { CHAT_WEBHOOK_SECRET, chatNotices } from '#shared/notify/chat-settings.ts';
import { noticeSettings } from '#shared/notify/notice-settings.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import { configuredSlotWaitMs, SLOT_WAIT_ENV } from '#shared/nurture/send-rate.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { lambdaHandler } from '#shared/runtime/lambda-handler.ts';
import { readSetting, SETTINGS } from '#shared/runtime/settings.ts';
import { createSalesNotifierHandler } from './sales-notifier.ts';

/** Composition root: the real adapters, built on the first invocation and kept for the container's life. */
export const handler = lambdaHandler(() => {
  const table = contactsTable();
  const chat = chatNotices(readSetting(SETTINGS.slackNotify));
  return createSalesNotifierHandler({
    ...sendingAdapters(table),
    notices: new DynamoDbNoticeLog(table.documents, table.tableName),
    clock: systemClock,
    slotWaitMs: configuredSlotWaitMs(SLOT_WAIT_ENV.salesNotifier),
    recipients: notificationRecipients(),
    settings: noticeSettings(),
    ...(chat.size > 0
      ? { chat: { webhook: new SlackIncomingWebhook(() => readSecret(CHAT_WEBHOOK_SECRET)), notices: chat } }
      : {}),
  });
});
