import { describe, expect, it } from 'vitest';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';
import { localEnvironment } from '#infra/local/local-environment.ts';
import { defineFunction } from '#infra/wiring/types.ts';

const endpoints = {
  gateway: 'http://127.0.0.1:3000',
  dynamodb: 'http://127.0.0.1:8000',
  ses: 'http://127.0.0.1:8005',
  eventbridge: 'http://127.0.0.1:8010',
};
const base = {
  endpoints,
  region: 'us-east-1',
  tableName: 'leadflow-contacts',
  eventBusName: 'leadflow-local',
  mailFrom: 'leadflow@example.com',
  current: {},
};
const writer = defineFunction({
  entry: 'a.ts',
  description: 'writes',
  triggers: [],
  access: { table: 'readWrite', bus: 'put' },
  secrets: ['WEBHOOK_SECRET_GENERIC'],
});
const mailer = defineFunction({
  entry: 'b.ts',
  description: 'mails',
  triggers: [],
  access: { mail: 'send' },
});

describe('localEnvironment', () => {
  it('points the SDK at the local endpoints through its own service-id variables', () => {
    const environment = localEnvironment({ ...base, functions: {} });
    expect(environment).toMatchObject({
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SESV2: endpoints.ses,
      AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LEADFLOW_MAIL_FROM: 'leadflow@example.com',
      LEADFLOW_PUBLIC_BASE_URL: endpoints.gateway,
    });
    expect(environment).not.toHaveProperty('AWS_ENDPOINT_URL');
  });

  it('sets the union of what every declared function is given', () => {
    const environment = localEnvironment({ ...base, functions: { writer, mailer } });
    expect(environment).toMatchObject({
      LEADFLOW_TABLE_NAME: 'leadflow-contacts',
      LEADFLOW_EVENT_BUS_NAME: 'leadflow-local',
      LEADFLOW_MAIL_FROM: 'leadflow@example.com',
    });
  });

  it('gives declared secrets their development value, unless the developer set one', () => {
    expect(localEnvironment({ ...base, functions: { writer } }).WEBHOOK_SECRET_GENERIC).toBe(
      DEV_SECRETS.WEBHOOK_SECRET_GENERIC,
    );
    expect(
      localEnvironment({ ...base, current: { WEBHOOK_SECRET_GENERIC: 'whsec_mine' }, functions: { writer } })
        .WEBHOOK_SECRET_GENERIC,
    ).toBe('whsec_mine');
  });

  it('documents a development secret in the Standard Webhooks format', () => {
    const secret = DEV_SECRETS.WEBHOOK_SECRET_GENERIC ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
  });

  it('refuses a secret it has no value for', () => {
    const needsUnknown = defineFunction({ ...mailer, secrets: ['UNKNOWN_SECRET'] });
    expect(() => localEnvironment({ ...base, functions: { needsUnknown } })).toThrow(
      /UNKNOWN_SECRET.*dev-secrets\.ts/,
    );
  });

  it('passes plain settings through and refuses two functions setting one name differently', () => {
    const one = defineFunction({ ...mailer, environment: { SCORE_MODEL: 'v1' } });
    const same = defineFunction({ ...mailer, environment: { SCORE_MODEL: 'v1' } });
    const other = defineFunction({ ...mailer, environment: { SCORE_MODEL: 'v2' } });
    expect(localEnvironment({ ...base, functions: { one, same } }).SCORE_MODEL).toBe('v1');
    expect(() => localEnvironment({ ...base, functions: { one, other } })).toThrow(
      /one and other both set SCORE_MODEL/,
    );
  });
});
