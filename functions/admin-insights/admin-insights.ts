import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { STAGES, stageSchema } from '#events/vocabulary/stage.ts';
import type { CurrentConfig } from '#shared/config/config-reader.ts';
import {
  CONTACT_SORTS,
  type ContactDirectory,
  type ContactListPage,
  type ContactListQuery,
  SORT_ORDERS,
} from '#shared/contact/contact-directory.ts';
import type { ContactHistoryReader } from '#shared/contact/contact-history.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { foldForSearch } from '#shared/contact/contact-search-text.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { FUNNEL_INTERVALS, funnelReport } from '#shared/funnel/funnel-report.ts';
import type { FunnelStore } from '#shared/funnel/funnel-store.ts';
import { adminRoutes, CONTACT_ID_PATTERN, contactNotFound, readPage } from '#shared/http/admin-routes.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { parseQuery } from '#shared/http/request.ts';
import { contactView } from '#shared/review/contact-view.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';
import type { ScoringModel } from '#shared/scoring/scoring-model.ts';

export interface AdminInsightsDeps {
  readonly funnel: FunnelStore;
  readonly directory: ContactDirectory;
  readonly histories: ContactHistoryReader;
  readonly model: CurrentConfig<ScoringModel>;
  readonly clock: () => Date;
  readonly readSecret: (name: string) => Promise<string>;
  /** Who owns a contact, and who it can be given to. */
  readonly routing: RoutingConfig;
}

const DAY_MS = 86_400_000;
/** The longest funnel range: a year and a day, so "the last 12 months" always fits. */
export const MAX_FUNNEL_DAYS = 366;
const DEFAULT_FUNNEL_DAYS = 90;

const isoDay = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const funnelQuerySchema = z.object({
  from: z.optional(isoDay),
  to: z.optional(isoDay),
  interval: z._default(z.enum(FUNNEL_INTERVALS), 'day'),
});

const optionalScore = z.optional(z.coerce.number().check(z.int(), z.minimum(-1000), z.maximum(1000)));
const searchQuerySchema = z
  .object({
    q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    stage: z._default(z.union([stageSchema, z.literal('all')]), 'all'),
    minScore: optionalScore,
    maxScore: optionalScore,
    sort: z._default(z.enum(CONTACT_SORTS), 'updated'),
    order: z._default(z.enum(SORT_ORDERS), 'desc'),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
  })
  .check(
    z.refine(
      (query) =>
        query.minScore === undefined || query.maxScore === undefined || query.minScore <= query.maxScore,
      {
        message: 'minScore must not be above maxScore',
        path: ['minScore'],
      },
    ),
  );

/**
 * The marketing console's read side, on routes declared `auth: 'admin'`: the funnel, the contact list
 * and one contact, the published model. A candidate's simulation is a bulk job over every contact
 * (`POST /admin/model/simulate` on the bulk-jobs API). It only reads (its declared
 * table access is `read`): decisions go through the review API, which may write.
 */
export function createAdminInsightsHandler(deps: AdminInsightsDeps) {
  return adminRoutes(deps.readSecret, {
    'GET /admin/funnel': (event) => funnel(event, deps),
    'GET /admin/contacts/search': (event) => searchContacts(event, deps),
    'GET /admin/contacts/{contactId}': (event) => contactById(event, deps),
    'GET /admin/model': async () => {
      const { document: model, version } = await deps.model();
      return jsonResponse(200, { version: model.version, configVersion: version, model });
    },
  });
}

async function funnel(event: APIGatewayProxyEventV2, deps: AdminInsightsDeps) {
  const query = parseQuery(funnelQuerySchema, event);
  const to = query.to ?? deps.clock().toISOString().slice(0, 10);
  const from =
    query.from ?? new Date(Date.parse(to) - (DEFAULT_FUNNEL_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1 || days > MAX_FUNNEL_DAYS) {
    throw invalidQuery(
      days < 1 ? 'from' : 'to',
      days < 1 ? 'from must not be after to' : `the range must be at most ${MAX_FUNNEL_DAYS} days`,
    );
  }
  const report = funnelReport(await deps.funnel.days(from, to), { from, to, interval: query.interval });
  return jsonResponse(200, report);
}

async function searchContacts(event: APIGatewayProxyEventV2, deps: AdminInsightsDeps) {
  const query = parseQuery(searchQuerySchema, event);
  const stages = query.stage === 'all' ? [...STAGES] : [query.stage];
  const email = query.q?.includes('@') ? normalizeEmail(query.q) : undefined;
  if (email?.ok) {
    // An exact address is one lookup, whatever the filters: the contact is shown if it matches them.
    const entry = await deps.directory.entry(contactIdFor(email.email));
    const matches =
      entry !== undefined &&
      stages.includes(entry.stage) &&
      (query.minScore === undefined || (entry.score ?? Number.NEGATIVE_INFINITY) >= query.minScore) &&
      (query.maxScore === undefined || (entry.score ?? Number.POSITIVE_INFINITY) <= query.maxScore);
    return jsonResponse(200, { contacts: matches ? [entry] : [] } satisfies ContactListPage);
  }
  const text = query.q ? foldForSearch(query.q) : '';
  const listQuery: ContactListQuery = {
    stages,
    sort: query.sort,
    order: query.order,
    minScore: query.minScore,
    maxScore: query.maxScore,
    text: text === '' ? undefined : text,
    limit: query.limit,
    cursor: query.cursor,
  };
  return jsonResponse(200, await readPage(() => deps.directory.list(listQuery)));
}

async function contactById(event: APIGatewayProxyEventV2, deps: AdminInsightsDeps) {
  const contactId = event.pathParameters?.contactId ?? '';
  const history = CONTACT_ID_PATTERN.test(contactId) ? await deps.histories.history(contactId) : undefined;
  if (!history) throw contactNotFound();
  return jsonResponse(200, contactView(history, deps.routing));
}

function invalidQuery(field: string, message: string): HttpProblem {
  return new HttpProblem({
    status: 400,
    type: problemType('invalid-query'),
    title: 'Invalid query',
    detail: `Some query parameters are invalid: ${message}.`,
    extensions: { errors: [{ field, message }] },
  });
}
