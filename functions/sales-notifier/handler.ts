import { SlackIncomingWebhook } from '#shared/adapters/chat/slack-incoming-webhook.ts';
import { contactsTable } from '#shared/adapters/dynamodb/contacts-table.ts';
import { DynamoDbNoticeLog } from '#shared/adapters/dynamodb/dynamodb-notice-log.ts';
import { readSecret } from '#shared/adapters/secrets.ts';
import { sendingAdapters } from '#shared/adapters/sending-adapters.ts';
import { CHAT_NOTIFY_ENV, CHAT_WEBHOOK_SECRET, chatNotices } from '#shared/notify/chat-settings.ts';
import { noticeSettings } from '#shared/notify/notice-settings.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { createSalesNotifierHandler } from './sales-notifier.ts';

const table = contactsTable();
const chat = chatNotices(process.env[CHAT_NOTIFY_ENV]);

/** Lambda entry: real adapters built once per container. */
export const handler = createSalesNotifierHandler({
  ...sendingAdapters(table),
  notices: new DynamoDbNoticeLog(table.documents, table.tableName),
  clock: systemClock,
  recipients: notificationRecipients(process.env),
  settings: noticeSettings(process.env),
  ...(chat.size > 0
    ? { chat: { webhook: new SlackIncomingWebhook(() => readSecret(CHAT_WEBHOOK_SECRET)), notices: chat } }
    : {}),
});
