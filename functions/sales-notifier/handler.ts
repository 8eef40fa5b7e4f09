import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbNoticeLog } from '#shared/adapters/dynamodb/dynamodb-notice-log.ts';
import { sesMailer } from '#shared/adapters/ses-mailer.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { optionalEnv, RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createSalesNotifierHandler } from './sales-notifier.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createSalesNotifierHandler({
  mailer: sesMailer(new SESv2Client({}), {
    from: requireEnv(RESOURCE_ENV.mailFrom),
    configurationSetName: optionalEnv(RESOURCE_ENV.mailConfigurationSet),
  }),
  notices: new DynamoDbNoticeLog(createDocumentClient(), requireEnv(RESOURCE_ENV.tableName)),
  clock: systemClock,
  recipients: notificationRecipients(process.env),
  baseUrl: optionalEnv(RESOURCE_ENV.publicBaseUrl) ?? '',
});
