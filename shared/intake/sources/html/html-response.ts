import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonResponse } from '#shared/http/problem.ts';
import { VISITOR_COOKIE_NAME, visitorCookie } from '#shared/tracking/visitor-token.ts';
import type { AcceptedSubmission } from '../../accept-submission.ts';

/** A `fetch()` that asks for JSON gets JSON; a plain form post gets the browser sent on (303). */
export function wantsJson(accept: string | undefined): boolean {
  return /\bapplication\/json\b/i.test(accept ?? '');
}

/**
 * The answer to an accepted browser post. The visitor token goes in an HttpOnly cookie and, for the
 * page's own beacon script, in the JSON answer or the thank-you URL's fragment (`#lf_vt=…`): a
 * fragment never reaches a server log or a Referer header.
 */
export function htmlFormAccepted(
  accepted: AcceptedSubmission | undefined,
  options: { readonly json: boolean; readonly thankYouUrl: string },
): APIGatewayProxyStructuredResultV2 {
  const token = accepted?.visitorToken;
  const cookies = token ? [visitorCookie(token)] : undefined;
  if (options.json) {
    return { ...jsonResponse(202, { status: 'accepted', ...accepted }), ...(cookies ? { cookies } : {}) };
  }
  const location = new URL(options.thankYouUrl);
  if (token) location.hash = `${VISITOR_COOKIE_NAME}=${token}`;
  return {
    statusCode: 303,
    headers: { location: location.toString() },
    ...(cookies ? { cookies } : {}),
  };
}
