import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { pageVisited } from '#events/page-visited.ts';
import { safeText } from '#events/vocabulary/safe-text.ts';
import { type EventPublisher, outgoing } from '#shared/activity/event-publisher.ts';
import { utmFromUrl } from '#shared/activity/utm.ts';
import { preflightResponse } from '#shared/http/cors.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { parseBody, parseJson, rawBodyBytes } from '#shared/http/request.ts';
import { secretOrRefuse } from '#shared/intake/accept-submission.ts';
import { type FormsConfig, trackingOrigins } from '#shared/intake/forms-config.ts';
import {
  isAllowedOrigin,
  originNotAllowed,
  originOf,
  requestOrigin,
} from '#shared/intake/sources/html/origin-allowlist.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { logger } from '#shared/runtime/logger.ts';
import {
  contactIdOfVisitorToken,
  VISITOR_TOKEN_SECRET_NAME,
  visitorTokenFromCookies,
} from './visitor-token.ts';

export interface BeaconDeps {
  readonly events: EventPublisher;
  readonly readSecret: (name: string) => Promise<string>;
  readonly clock: Clock;
  readonly forms: FormsConfig;
}

const address = z.url({ protocol: /^https?$/ }).check(z.maxLength(2000));

/** What the beacon script of docs/integrations.md sends; unknown members are ignored. */
const beaconSchema = z.object({
  visitorToken: z.optional(z.string().check(z.maxLength(4000))),
  url: address,
  title: z.optional(safeText(300)),
  referrer: z.optional(z.union([address, z.literal('')])),
});

const TRACK_ORIGIN_REMEDY = "add the origin to track.allowedOrigins or to an HTML form's allowedOrigins";

/**
 * `POST /track`: the website's beacon. A visit is only worth anything for a contact leadflow knows,
 * so without a visitor token it is dropped on the spot (204), never stored; with a forged or expired
 * one it is refused (401). A known visit becomes a "Page Visited" event, which the engagement
 * recorder records like any other signal. One page counts once per hour, however often it is reloaded.
 */
export async function receiveBeacon(
  event: APIGatewayProxyEventV2,
  deps: BeaconDeps,
): Promise<APIGatewayProxyStructuredResultV2> {
  const allowed = trackingOrigins(deps.forms);
  const origin = requestOrigin(event.headers);
  if (!origin || !isAllowedOrigin(origin, allowed)) throw originNotAllowed(origin, TRACK_ORIGIN_REMEDY);
  const body = rawBodyBytes(event);
  requireBeaconMediaType(event.headers['content-type']);
  const beacon = parseBody(beaconSchema, parseJson(body.toString('utf8')));
  const page = new URL(beacon.url);
  if (!isAllowedOrigin(page.origin, allowed)) throw originNotAllowed(page.origin, TRACK_ORIGIN_REMEDY);

  const token = beacon.visitorToken || visitorTokenFromCookies(event.cookies);
  if (!token) {
    logger.info('anonymous visit dropped');
    return { statusCode: 204 };
  }
  const secret = await secretOrRefuse(deps.readSecret, VISITOR_TOKEN_SECRET_NAME);
  const now = deps.clock();
  const contactId = await contactIdOfVisitorToken(token, secret, now);
  if (!contactId) throw invalidVisitorToken();

  // Only the page's address without query or fragment travels on: a query may hold personal data.
  const url = `${page.origin}${page.pathname}`;
  const referrer = beacon.referrer ? withoutQuery(beacon.referrer) : undefined;
  const utm = utmFromUrl(beacon.url);
  const messageId = `bcn_${createHash('sha256')
    .update(`${contactId}|${url}|${now.toISOString().slice(0, 13)}`)
    .digest('hex')
    .slice(0, 32)}`;
  await deps.events.publish([
    outgoing(pageVisited, {
      version: 1,
      messageId,
      timestamp: now.toISOString(),
      source: 'beacon',
      contact: { contactId },
      page: { url, title: beacon.title, referrer },
      campaign: utm && {
        source: utm.source,
        medium: utm.medium,
        name: utm.campaign,
        term: utm.term,
        content: utm.content,
      },
    }),
  ]);
  logger.info('known visit forwarded', { contactId, messageId });
  return jsonResponse(202, { status: 'accepted' });
}

/** The preflight of a `fetch(…, { keepalive: true })` beacon from an allowed page. */
export function beaconPreflight(event: APIGatewayProxyEventV2, forms: FormsConfig) {
  const origin = originOf(event.headers.origin);
  if (!origin || !isAllowedOrigin(origin, trackingOrigins(forms))) {
    throw originNotAllowed(origin, TRACK_ORIGIN_REMEDY);
  }
  return preflightResponse({ methods: ['POST'], headers: ['content-type'] });
}

/** The Origin the CORS headers may name. */
export function beaconCorsOrigin(event: APIGatewayProxyEventV2, forms: FormsConfig): string | undefined {
  const origin = originOf(event.headers.origin);
  return origin && isAllowedOrigin(origin, trackingOrigins(forms)) ? origin : undefined;
}

/** `navigator.sendBeacon` posts a string as text/plain; `fetch()` as application/json. */
function requireBeaconMediaType(contentType: string | undefined): void {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType === 'text/plain') return;
  throw new HttpProblem({
    status: 415,
    type: problemType('unsupported-media-type'),
    title: 'Unsupported media type',
    detail: `The beacon must be JSON, sent as application/json or text/plain, not "${(contentType ?? 'none').slice(0, 100)}".`,
  });
}

function invalidVisitorToken(): HttpProblem {
  return new HttpProblem({
    status: 401,
    type: problemType('invalid-visitor-token'),
    title: 'Invalid visitor token',
    detail: 'The visitor token is forged, altered or expired; the visit was not recorded.',
  });
}

function withoutQuery(address: string): string {
  const url = new URL(address);
  return `${url.origin}${url.pathname}`;
}
