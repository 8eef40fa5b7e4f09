import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConfigAdminHandler } from '#functions/config-admin/config-admin.ts';
import { PUBLISH_TOKEN_HEADER } from '#shared/http/publish-permission.ts';
import { SecretNotConfiguredError } from '#shared/runtime/secret-not-configured-error.ts';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { adminEvent, TEST_ADMIN_TOKEN } from '../../support/admin-request.ts';
import { InMemoryConfigStore } from '../../support/in-memory-config-store.ts';
import { lambdaContext } from '../../support/signed-request.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const PUBLISH_TOKEN = 'test-publish-token-9876543210';
const PUBLISHER = { [PUBLISH_TOKEN_HEADER]: PUBLISH_TOKEN };
let store: InMemoryConfigStore;
let secrets: Record<string, string>;

async function call(event: APIGatewayProxyEventV2) {
  const handler = createConfigAdminHandler({
    store,
    clock: () => NOW,
    readSecret: async (name) => {
      const value = secrets[name];
      if (!value) throw new SecretNotConfiguredError(`${name} not configured`);
      return value;
    },
  });
  const result = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(String(result.body)) };
}

const model = (change: (model: Record<string, any>) => void) => {
  const copy = structuredClone(modelFile) as Record<string, any>;
  change(copy);
  return copy;
};
const spring = model((copy) => {
  copy.version = 'b2b-spring';
  copy.fit.businessEmail = 30;
});
const kind = { kind: 'scoring-model' };

beforeEach(() => {
  store = new InMemoryConfigStore();
  secrets = { LEADFLOW_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LEADFLOW_PUBLISH_TOKEN: PUBLISH_TOKEN };
});

describe('config admin API', () => {
  it('lists every kind with the version in force, the repository file until a publish', async () => {
    const { status, body } = await call(adminEvent('GET /admin/config'));
    expect(status).toBe(200);
    expect(body.kinds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'scoring-model',
          current: expect.objectContaining({ version: 1, label: modelFile.version, by: 'repository' }),
        }),
        expect.objectContaining({ kind: 'nurture' }),
      ]),
    );
  });

  it('validates with the path and a sentence per error, or previews the changes', async () => {
    const broken = model((copy) => {
      copy.fit.grades.A = 'forty';
    });
    const refused = await call(
      adminEvent('POST /admin/config/{kind}/validate', { pathParameters: kind, body: { document: broken } }),
    );
    expect(refused.body).toMatchObject({
      valid: false,
      errors: [{ path: 'fit.grades.A', message: expect.any(String) }],
    });
    expect(refused.body.errors[0].message.length).toBeGreaterThan(10);

    const preview = await call(
      adminEvent('POST /admin/config/{kind}/validate', { pathParameters: kind, body: { document: spring } }),
    );
    expect(preview.body).toMatchObject({ valid: true, against: 1 });
    expect(preview.body.changes).toContainEqual({
      path: 'fit.businessEmail',
      change: 'changed',
      before: modelFile.fit.businessEmail,
      after: 30,
    });
  });

  it('publishes only with the publish permission, not with the admin token alone', async () => {
    const body = { document: spring, reason: 'business email counts more', by: 'alice' };
    const denied = await call(
      adminEvent('POST /admin/config/{kind}/publish', { pathParameters: kind, body }),
    );
    expect(denied).toMatchObject({ status: 403, body: { type: 'urn:leadflow:problem:not-a-publisher' } });
    const wrong = await call(
      adminEvent('POST /admin/config/{kind}/publish', {
        pathParameters: kind,
        body,
        headers: { [PUBLISH_TOKEN_HEADER]: 'guess' },
      }),
    );
    expect(wrong.status).toBe(403);
    expect(store.versions.size).toBe(0);

    const published = await call(
      adminEvent('POST /admin/config/{kind}/publish', { pathParameters: kind, body, headers: PUBLISHER }),
    );
    expect(published).toMatchObject({
      status: 201,
      body: { outcome: 'published', version: { version: 2, label: 'b2b-spring', by: 'alice' } },
    });
  });

  it('takes the publisher from the Cognito group and the identity from the token, over the body', async () => {
    const authorizer = {
      jwt: { claims: { email: 'carol@seller.example', 'cognito:groups': '[reviewers publishers]' } },
    };
    const published = await call(
      adminEvent('POST /admin/config/{kind}/publish', {
        pathParameters: kind,
        body: { document: spring, reason: 'spring campaign', by: 'mallory' },
        authorizer,
      }),
    );
    expect(published.body.version.by).toBe('carol@seller.example');
    const reviewerOnly = {
      jwt: { claims: { email: 'dan@seller.example', 'cognito:groups': '[reviewers]' } },
    };
    const denied = await call(
      adminEvent('POST /admin/config/{kind}/rollback', {
        pathParameters: kind,
        body: { version: 1, reason: 'no' },
        authorizer: reviewerOnly,
      }),
    );
    expect(denied.status).toBe(403);
  });

  it('refuses an invalid publish with 422 and every error, and a publish without a reason with 400', async () => {
    const invalid = await call(
      adminEvent('POST /admin/config/{kind}/publish', {
        pathParameters: kind,
        body: { document: { version: 'x' }, reason: 'try' },
        headers: PUBLISHER,
      }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((error: { path: string }) => error.path)).toContain('fit');
    const reasonless = await call(
      adminEvent('POST /admin/config/{kind}/publish', {
        pathParameters: kind,
        body: { document: spring, reason: '  ' },
        headers: PUBLISHER,
      }),
    );
    expect(reasonless.status).toBe(400);
    expect(store.versions.size).toBe(0);
  });

  it('rolls back, keeps the history growing, and lists both in the audit', async () => {
    const publish = { document: spring, reason: 'spring', by: 'alice' };
    await call(
      adminEvent('POST /admin/config/{kind}/publish', {
        pathParameters: kind,
        body: publish,
        headers: PUBLISHER,
      }),
    );
    const rolledBack = await call(
      adminEvent('POST /admin/config/{kind}/rollback', {
        pathParameters: kind,
        body: { version: 1, reason: 'too many reviews', by: 'bob' },
        headers: PUBLISHER,
      }),
    );
    expect(rolledBack.body.version).toMatchObject({ version: 3, rollbackOf: 1, label: modelFile.version });

    const history = await call(adminEvent('GET /admin/config/{kind}/history', { pathParameters: kind }));
    expect(history.body.versions.map((version: { version: number }) => version.version)).toEqual([3, 2, 1]);
    expect(history.body.versions[0].document).toBeUndefined();
    const second = await call(
      adminEvent('GET /admin/config/{kind}/versions/{version}', {
        pathParameters: { ...kind, version: '2' },
      }),
    );
    expect(second.body.document.fit.businessEmail).toBe(30);
    const audit = await call(adminEvent('GET /admin/config-audit'));
    expect(audit.body.entries.map((entry: { by: string }) => entry.by)).toEqual(['bob', 'alice']);

    const missing = await call(
      adminEvent('POST /admin/config/{kind}/rollback', {
        pathParameters: kind,
        body: { version: 9, reason: 'x' },
        headers: PUBLISHER,
      }),
    );
    expect(missing.status).toBe(404);
  });

  it('answers 404 for a kind that does not exist, even one named like an object property', async () => {
    for (const name of ['scoring-models', '__proto__', 'constructor']) {
      const { status } = await call(
        adminEvent('GET /admin/config/{kind}', { pathParameters: { kind: name } }),
      );
      expect(status).toBe(404);
    }
  });

  it('refuses every publish when no publish token is configured and no group is present', async () => {
    secrets = { LEADFLOW_ADMIN_TOKEN: TEST_ADMIN_TOKEN };
    const { status } = await call(
      adminEvent('POST /admin/config/{kind}/publish', {
        pathParameters: kind,
        body: { document: spring, reason: 'x' },
        headers: PUBLISHER,
      }),
    );
    expect(status).toBe(403);
  });
});
