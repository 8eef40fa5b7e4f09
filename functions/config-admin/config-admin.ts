import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { configChanges } from '#shared/config/config-diff.ts';
import type { ConfigKind } from '#shared/config/config-kind.ts';
import type { ConfigStore } from '#shared/config/config-store.ts';
import type { ConfigVersion, PublishedBy, PublishOutcome } from '#shared/config/config-version.ts';
import { publishConfig, seedVersion } from '#shared/config/publish-config.ts';
import { PUBLISHED_KINDS, publishedKind } from '#shared/config/published-kinds.ts';
import { rollbackConfig, UnknownConfigVersionError } from '#shared/config/rollback-config.ts';
import { authenticatedPerson, personNameSchema } from '#shared/http/admin-identity.ts';
import { adminRoutes } from '#shared/http/admin-routes.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { requirePublisher } from '#shared/http/publish-permission.ts';
import { parseBody, parseJson, parseQuery, rawBody, requireJsonContentType } from '#shared/http/request.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { logger } from '#shared/runtime/logger.ts';

export interface ConfigAdminDeps {
  readonly store: ConfigStore;
  readonly clock: Clock;
  readonly readSecret: (name: string) => Promise<string>;
}

const person = personNameSchema;
const reason = z
  .string()
  .check(z.trim(), z.minLength(1, 'say why: it is kept with the version'), z.maxLength(2000));

const documentBodySchema = z.object({ document: z.unknown() });
const publishBodySchema = z.object({ document: z.unknown(), reason, by: z.optional(person) });
const rollbackBodySchema = z.object({
  version: z.number().check(z.int(), z.minimum(1)),
  reason,
  by: z.optional(person),
});
const limitQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
});

/**
 * The console's configuration API, on routes declared `auth: 'admin'`: each kind's version in
 * force, its history and any version's document; validation with the diff a publish would make
 * (the preview); publish and rollback, which also need the publish permission; and the audit list
 * of every publish and rollback. Functions pick a published version up within a minute.
 */
export function createConfigAdminHandler(deps: ConfigAdminDeps) {
  return adminRoutes(deps.readSecret, {
    'GET /admin/config': async () =>
      jsonResponse(200, {
        kinds: await Promise.all(Object.values(PUBLISHED_KINDS).map((kind) => summary(kind, deps))),
      }),
    'GET /admin/config/{kind}': async (event) => jsonResponse(200, await current(kindOf(event), deps)),
    'GET /admin/config/{kind}/history': (event) => history(event, deps),
    'GET /admin/config/{kind}/versions/{version}': (event) => versionOf(event, deps),
    'POST /admin/config/{kind}/validate': (event) => validate(event, deps),
    'POST /admin/config/{kind}/publish': (event) => publish(event, deps),
    'POST /admin/config/{kind}/rollback': (event) => rollback(event, deps),
    'GET /admin/config-audit': async (event) => {
      const { limit } = parseQuery(limitQuerySchema, event);
      return jsonResponse(200, { entries: await deps.store.audit(limit) });
    },
  });
}

async function summary(kind: ConfigKind<unknown>, deps: ConfigAdminDeps) {
  const { document: _document, changes: _changes, ...version } = await current(kind, deps);
  return { kind: kind.name, file: kind.file, current: version };
}

async function current(kind: ConfigKind<unknown>, deps: ConfigAdminDeps): Promise<ConfigVersion> {
  return (await deps.store.current(kind.name)) ?? seedVersion(kind, deps.clock());
}

async function history(event: APIGatewayProxyEventV2, deps: ConfigAdminDeps) {
  const kind = kindOf(event);
  const { limit } = parseQuery(limitQuerySchema, event);
  const stored = await deps.store.history(kind.name, limit);
  const versions = stored.length > 0 ? stored : [seedVersion(kind, deps.clock())];
  return jsonResponse(200, { versions: versions.map(({ document: _document, ...version }) => version) });
}

async function versionOf(event: APIGatewayProxyEventV2, deps: ConfigAdminDeps) {
  const kind = kindOf(event);
  const number = Number(event.pathParameters?.version);
  const version = Number.isInteger(number)
    ? ((await deps.store.version(kind.name, number)) ??
      (number === 1 ? seedVersion(kind, deps.clock()) : undefined))
    : undefined;
  if (!version) throw unknownVersion(`${kind.name} has no version ${event.pathParameters?.version}.`);
  return jsonResponse(200, version);
}

/** The preview of a publish: every error with its path, or what would change in the version in force. */
async function validate(event: APIGatewayProxyEventV2, deps: ConfigAdminDeps) {
  const kind = kindOf(event);
  const { document } = parseBody(documentBodySchema, jsonBody(event));
  const validation = kind.validate(document);
  if (!validation.ok) return jsonResponse(200, { valid: false, errors: validation.errors, changes: [] });
  const inForce = await current(kind, deps);
  return jsonResponse(200, {
    valid: true,
    errors: [],
    against: inForce.version,
    changes: configChanges(inForce.document, document),
  });
}

async function publish(event: APIGatewayProxyEventV2, deps: ConfigAdminDeps) {
  const kind = kindOf(event);
  await requirePublisher(event, deps.readSecret);
  const body = parseBody(publishBodySchema, jsonBody(event));
  return answer(await publishConfig(kind, body.document, author(event, body), deps), kind);
}

async function rollback(event: APIGatewayProxyEventV2, deps: ConfigAdminDeps) {
  const kind = kindOf(event);
  await requirePublisher(event, deps.readSecret);
  const body = parseBody(rollbackBodySchema, jsonBody(event));
  try {
    return answer(await rollbackConfig(kind, body.version, author(event, body), deps), kind);
  } catch (error) {
    if (error instanceof UnknownConfigVersionError) throw unknownVersion(error.message);
    throw error;
  }
}

function answer(outcome: PublishOutcome, kind: ConfigKind<unknown>) {
  if (outcome.outcome === 'invalid') {
    throw new HttpProblem({
      status: 422,
      type: problemType('invalid-config'),
      title: 'Invalid configuration',
      detail: `The ${kind.name} cannot be published: ${outcome.errors.length} error(s), see \`errors\`.`,
      extensions: { errors: outcome.errors },
    });
  }
  if (outcome.outcome === 'unchanged') return jsonResponse(200, outcome);
  const { version } = outcome;
  logger.info('configuration published', {
    kind: version.kind,
    version: version.version,
    label: version.label,
    rollbackOf: version.rollbackOf,
    changes: version.changes.length,
  });
  return jsonResponse(201, outcome);
}

/** Who publishes: the person the authorizer vouched for wins over a name in the body. */
function author(event: APIGatewayProxyEventV2, body: { reason: string; by?: string }): PublishedBy {
  const authenticated = person.safeParse(authenticatedPerson(event));
  return { by: authenticated.success ? authenticated.data : (body.by ?? 'admin'), reason: body.reason };
}

function kindOf(event: APIGatewayProxyEventV2): ConfigKind<unknown> {
  const kind = publishedKind(event.pathParameters?.kind ?? '');
  if (!kind) {
    throw new HttpProblem({
      status: 404,
      type: problemType('unknown-config-kind'),
      title: 'Unknown configuration kind',
      detail: `There is no configuration kind "${event.pathParameters?.kind}"; there are ${Object.keys(PUBLISHED_KINDS).join(', ')}.`,
    });
  }
  return kind;
}

function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const body = rawBody(event);
  requireJsonContentType(event);
  return parseJson(body);
}

function unknownVersion(detail: string): HttpProblem {
  return new HttpProblem({
    status: 404,
    type: problemType('unknown-config-version'),
    title: 'Unknown version',
    detail,
  });
}
