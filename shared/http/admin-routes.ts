import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { InvalidCursorError } from '#shared/review/review-queue.ts';
import { requireAdmin } from './admin-auth.ts';
import { HttpProblem, problemType } from './problem.ts';
import { problemDetails } from './problem-details-middleware.ts';

export type AdminRoute = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** What a contact id looks like (see contactIdFor): anything else cannot name a contact. */
export const CONTACT_ID_PATTERN = /^c_[0-9a-f]{32}$/;

/**
 * An admin function's handler: problem+json for every error, the admin token checked before any
 * route runs, then the route the request's `routeKey` names (as declared in the wiring).
 */
export function adminRoutes(
  readSecret: (name: string) => Promise<string>,
  routes: Readonly<Record<string, AdminRoute>>,
) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(problemDetails())
    .handler(async (event) => {
      await requireAdmin(event, readSecret);
      const route = routes[event.routeKey];
      if (!route) {
        throw new HttpProblem({
          status: 404,
          type: problemType('unknown-route'),
          title: 'Unknown route',
          detail: `There is no admin route ${event.routeKey}.`,
        });
      }
      return route(event);
    });
}

export function contactNotFound(): HttpProblem {
  return new HttpProblem({
    status: 404,
    type: problemType('contact-not-found'),
    title: 'Contact not found',
    detail: 'No contact has this id or address.',
  });
}

/** Reads a page; a cursor the API did not hand out is the caller's mistake: 400 `invalid-cursor`. */
export async function readPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new HttpProblem({
      status: 400,
      type: problemType('invalid-cursor'),
      title: 'Invalid cursor',
      detail: error.message,
    });
  }
}
