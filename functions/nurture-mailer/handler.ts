import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createDocumentClient } from '#shared/adapters/dynamodb/document-client.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { sesMailer } from '#shared/adapters/ses-mailer.ts';
import { systemClock } from '#shared/runtime/clock.ts';
import { optionalEnv, RESOURCE_ENV, requireEnv } from '#shared/runtime/environment.ts';
import { createNurtureMailerHandler } from './nurture-mailer.ts';

/** Lambda entry: real adapters built once per container. */
export const handler = createNurtureMailerHandler({
  contacts: new DynamoDbContactRepository(createDocumentClient(), requireEnv(RESOURCE_ENV.tableName)),
  mailer: sesMailer(new SESv2Client({}), {
    from: requireEnv(RESOURCE_ENV.mailFrom),
    configurationSetName: optionalEnv(RESOURCE_ENV.mailConfigurationSet),
  }),
  clock: systemClock,
});
