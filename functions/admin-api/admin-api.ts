import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import type { ContactHistoryReader } from '#shared/contact/contact-history.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { listFollowUps } from '#shared/follow-up/follow-up-list.ts';
import type { FollowUpStore } from '#shared/follow-up/follow-up-store.ts';
import { authenticatedPerson, personNameSchema } from '#shared/http/admin-identity.ts';
import { adminRoutes, CONTACT_ID_PATTERN, contactNotFound, readPage } from '#shared/http/admin-routes.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { parseBody, parseJson, parseQuery, rawBody, requireJsonContentType } from '#shared/http/request.ts';
import { formSubmissionSchema } from '#shared/intake/form-submission.ts';
import type { ContactDataStore } from '#shared/privacy/contact-data-store.ts';
import { eraseContact } from '#shared/privacy/erase-contact.ts';
import { contactView, reviewEntry } from '#shared/review/contact-view.ts';
import { decideReview } from '#shared/review/decide-review.ts';
import type { ReviewQueue } from '#shared/review/review-queue.ts';
import { DECISION_FROM, REASON_REQUIRED, REVIEW_DECISIONS } from '#shared/review/review-rules.ts';
import { reassignOwner } from '#shared/routing/reassign-owner.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';
import { logger } from '#shared/runtime/logger.ts';
import type { RescoreDeps } from '#shared/scoring/rescore-contact.ts';
import type { WithModelReader } from '#shared/scoring/scoring-model-config.ts';
import { resumeNurture } from '#shared/sending/resume-nurture.ts';
import { type SendingStatusDeps, sendingStatus } from '#shared/sending/sending-status.ts';
import { type ImportRouteDeps, importRoutes } from './import-routes.ts';

export type AdminApiDeps = WithModelReader<RescoreDeps> &
  ImportRouteDeps & {
    readonly reviews: ReviewQueue;
    readonly histories: ContactHistoryReader;
    readonly readSecret: (name: string) => Promise<string>;
    /** Export and erasure of a contact's data (GDPR articles 15 and 17). */
    readonly data: ContactDataStore;
    /** The people a contact can be given to. */
    readonly routing: RoutingConfig;
    readonly followUps: FollowUpStore;
    /** The reputation breaker, the sending ledger and the account's quota, for the console's banner. */
    readonly sending: SendingStatusDeps;
  };

const listQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});

const reviewerSchema = personNameSchema;

/** The reviewer's reason is required when the answer is no: the lead's next owner needs it. */
const decisionSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    reviewer: z.optional(reviewerSchema),
    answers: formSubmissionSchema.shape.answers,
  })
  .check(
    z.refine((body) => !REASON_REQUIRED.has(body.decision) || (body.reason ?? '') !== '', {
      message: 'a reason is required to reject or disqualify',
      path: ['reason'],
    }),
  );

const reassignSchema = z.object({
  owner: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  reviewer: z.optional(reviewerSchema),
});

/** Resuming nurture is a person's decision: who (the signed-in user, else `by`) and why are recorded. */
const resumeSchema = z.object({
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  by: z.optional(reviewerSchema),
});

/**
 * The sales review API, on routes declared `auth: 'admin'`: the review queue, decisions on it, the
 * full view of one contact, its GDPR export and erasure, its owner, the follow-ups list, the
 * sending banner, and contact imports (import-routes.ts). Every route checks the admin bearer
 * token first.
 */
export function createAdminApiHandler(deps: AdminApiDeps) {
  return adminRoutes(deps.readSecret, {
    'GET /admin/reviews': (event) => listReviews(event, deps),
    'POST /admin/reviews/{contactId}': (event) => decide(event, deps),
    'GET /admin/contacts': (event) => findContact(event, deps),
    'GET /admin/contacts/{contactId}/export': (event) => exportContact(event, deps),
    'DELETE /admin/contacts/{contactId}': (event) => erase(event, deps),
    'POST /admin/contacts/{contactId}/owner': (event) => reassign(event, deps),
    'GET /admin/follow-ups': async () =>
      jsonResponse(200, { followUps: await listFollowUps(deps, deps.clock().toISOString()) }),
    'GET /admin/sending': async () => jsonResponse(200, await sendingStatus(deps.sending)),
    'POST /admin/sending/resume': (event) => resume(event, deps),
    ...importRoutes(deps),
  });
}

/** Gives the contact to another person in sales; the change joins its history. */
async function reassign(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const contactId = contactIdParameter(event);
  const body = rawBody(event);
  requireJsonContentType(event);
  const input = parseBody(reassignSchema, parseJson(body));
  const by = authenticatedReviewer(event) ?? input.reviewer ?? 'admin';
  const outcome = await reassignOwner(contactId, { personId: input.owner, by, reason: input.reason }, deps);
  if (outcome.outcome === 'not-found') throw contactNotFound();
  if (outcome.outcome === 'unknown-person') {
    throw new HttpProblem({
      status: 422,
      type: problemType('unknown-owner'),
      title: 'Unknown owner',
      detail: `Nobody called "${input.owner}" is in the routing configuration; pick one of its people.`,
      extensions: { errors: [{ field: 'owner', message: 'not a person of the routing configuration' }] },
    });
  }
  logger.info('contact reassigned', { contactId, outcome: outcome.outcome });
  return jsonResponse(200, { contactId, owner: outcome.personId, changed: outcome.outcome === 'reassigned' });
}

async function resume(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const body = rawBody(event);
  requireJsonContentType(event);
  const input = parseBody(resumeSchema, parseJson(body));
  const by = authenticatedReviewer(event) ?? input.by ?? 'admin';
  const outcome = await resumeNurture({ by, note: input.note }, deps.sending);
  if (outcome.outcome === 'not-paused') {
    throw new HttpProblem({
      status: 409,
      type: problemType('nurture-not-paused'),
      title: 'Nurture is not paused',
      detail: 'The reputation breaker is not open, so there is nothing to resume.',
    });
  }
  logger.info('nurture resumed', { resumedAt: outcome.resumedAt });
  return jsonResponse(200, await sendingStatus(deps.sending));
}

async function listReviews(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const query = parseQuery(listQuerySchema, event);
  const page = await readPage(() => deps.reviews.pending(query.limit, query.cursor));
  return jsonResponse(200, { reviews: page.contacts.map(reviewEntry), nextCursor: page.nextCursor });
}

async function decide(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const contactId = event.pathParameters?.contactId ?? '';
  const body = rawBody(event);
  requireJsonContentType(event);
  const input = parseBody(decisionSchema, parseJson(body));
  if (!CONTACT_ID_PATTERN.test(contactId)) throw contactNotFound();
  const reviewer = authenticatedReviewer(event) ?? input.reviewer ?? 'admin';
  const model = (await deps.model()).document;
  const outcome = await decideReview(contactId, { ...input, reviewer }, { ...deps, model });
  if (outcome.outcome === 'not-found') throw contactNotFound();
  if (outcome.outcome === 'not-allowed') {
    const allowed = DECISION_FROM[input.decision].join(' or ');
    throw new HttpProblem({
      status: 409,
      type: problemType('decision-not-allowed'),
      title: 'Decision not allowed in this stage',
      detail: `The contact is a ${outcome.stage}; "${input.decision}" applies to a contact in ${allowed}.`,
      extensions: { stage: outcome.stage },
    });
  }
  logger.info('review decided', { contactId, decision: input.decision, stage: outcome.stage });
  return jsonResponse(200, {
    contactId,
    decision: input.decision,
    stage: outcome.stage,
    qualificationId: outcome.qualificationId,
  });
}

async function findContact(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const email = normalizeEmail(event.queryStringParameters?.email ?? '');
  if (!email.ok) {
    throw new HttpProblem({
      status: 400,
      type: problemType('invalid-query'),
      title: 'Invalid query',
      detail: `Give the contact's address as ?email=: ${email.reason}`,
      extensions: { errors: [{ field: 'email', message: email.reason }] },
    });
  }
  const history = await deps.histories.history(contactIdFor(email.email));
  if (!history) throw contactNotFound();
  return jsonResponse(200, contactView(history, deps.routing));
}

/** Everything held on the contact, as JSON (GDPR article 15, right of access). */
async function exportContact(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const contactId = contactIdParameter(event);
  const data = await deps.data.exportData(contactId);
  if (!data) throw contactNotFound();
  logger.info('contact exported', { contactId });
  const response = jsonResponse(200, { exportedAt: deps.clock().toISOString(), ...data });
  // Personal data: no shared or browser cache may keep a copy, and it downloads as a file.
  return {
    ...response,
    headers: {
      ...response.headers,
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${contactId}.json"`,
    },
  };
}

/** Erases the contact, keeping only its suppression (GDPR article 17, right to erasure). */
async function erase(event: APIGatewayProxyEventV2, deps: AdminApiDeps) {
  const contactId = contactIdParameter(event);
  const outcome = await eraseContact(contactId, deps);
  if (outcome.outcome === 'not-found') throw contactNotFound();
  logger.info('contact erased', { contactId, outcome: outcome.outcome });
  return jsonResponse(200, { contactId, erased: true, erasedAt: outcome.erasedAt });
}

/** A contact id as leadflow makes them; anything else cannot name a contact. */
function contactIdParameter(event: APIGatewayProxyEventV2): string {
  const contactId = event.pathParameters?.contactId ?? '';
  if (!CONTACT_ID_PATTERN.test(contactId)) throw contactNotFound();
  return contactId;
}

/** The person the authorizer vouched for, which wins over any name in the body. */
function authenticatedReviewer(event: APIGatewayProxyEventV2): string | undefined {
  const parsed = reviewerSchema.safeParse(authenticatedPerson(event));
  return parsed.success ? parsed.data : undefined;
}
