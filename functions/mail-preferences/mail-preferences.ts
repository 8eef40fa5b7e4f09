import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import type { ReadPerInvocation } from '#shared/config/config-reader.ts';
import { HttpProblem, problemType } from '#shared/http/problem.ts';
import { problemDetails } from '#shared/http/problem-details-middleware.ts';
import { parseBody, parseJson } from '#shared/http/request.ts';
import type { EmailLocale } from '#shared/nurture/email-locale.ts';
import { MAIL_ROUTES } from '#shared/nurture/mail-links.ts';
import type { MailTokenPurpose, MailTokens } from '#shared/nurture/mail-token.ts';
import { confirmSubscription } from '#shared/nurture/preferences/confirm-subscription.ts';
import {
  type ManageSubscriptionDeps,
  preferencesOf,
  savePreferences,
  UnknownContactError,
  unsubscribe,
} from '#shared/nurture/preferences/manage-subscription.ts';
import { messagePage, preferencesPage, unsubscribePage } from '#shared/nurture/preferences/pages.ts';
import { logger } from '#shared/runtime/logger.ts';

export interface MailPreferencesDeps extends ManageSubscriptionDeps {
  readonly tokens: MailTokens;
}

type Request = APIGatewayProxyEventV2;
type Response = APIGatewayProxyStructuredResultV2;

const jsonPreferencesSchema = z.union([
  z.strictObject({ topics: z.array(z.string()) }),
  z.strictObject({ unsubscribeAll: z.literal(true) }),
]);

/**
 * The person-facing routes of every email: `GET /confirm` (double opt-in), `GET`/`POST /unsubscribe`
 * (RFC 8058 one-click: the POST unsubscribes at once; the GET only shows a button, because mail
 * security scanners fetch links) and `GET`/`POST /preferences` (topics, or leave all). Each needs a
 * token signed for one contact. Pages are HTML in the person's language; errors are HTML pages for
 * browsers and problem+json for everything else. The topics and link lifetimes are those of the
 * nurture configuration in force.
 */
export function createMailPreferencesHandler(adapters: ReadPerInvocation<MailPreferencesDeps, 'config'>) {
  return (
    middy<Request, Response>()
      // middy runs onError handlers last-registered first: problem+json is built, then turned into a page.
      .use({ onError: async (request) => htmlForBrowsers(request.event, request.response) })
      .use(problemDetails())
      .handler(async (event) => {
        const deps: MailPreferencesDeps = { ...adapters, config: (await adapters.config()).document };
        const route = `${event.requestContext.http.method} ${event.rawPath}`;
        switch (route) {
          case `GET ${MAIL_ROUTES.confirm}`: {
            const contactId = verifiedContact(event, 'confirm', deps);
            const { outcome, locale } = await orUnknown(confirmSubscription(contactId, deps));
            logger.info('double opt-in', { contactId, outcome });
            const message =
              outcome === 'confirmed'
                ? 'confirmed'
                : outcome === 'already-confirmed'
                  ? 'alreadyConfirmed'
                  : 'suppressed';
            return page(messagePage(locale, 'confirmedTitle', message));
          }
          case `GET ${MAIL_ROUTES.unsubscribe}`: {
            const contactId = verifiedContact(event, 'manage', deps);
            const view = await orUnknown(preferencesOf(contactId, deps));
            return page(unsubscribePage(view.locale, preferencesPath(event)));
          }
          case `POST ${MAIL_ROUTES.unsubscribe}`: {
            const contactId = verifiedContact(event, 'manage', deps);
            const { outcome } = await orUnknown(unsubscribe(contactId, deps));
            logger.info('unsubscribe', {
              contactId,
              outcome,
              oneClick: formOf(event).get('List-Unsubscribe') === 'One-Click',
            });
            return page(
              preferencesPage(await preferencesOf(contactId, deps), 'unsubscribed', 'unsubscribedTitle'),
            );
          }
          case `GET ${MAIL_ROUTES.preferences}`: {
            const contactId = verifiedContact(event, 'manage', deps);
            return page(preferencesPage(await orUnknown(preferencesOf(contactId, deps))));
          }
          case `POST ${MAIL_ROUTES.preferences}`: {
            const contactId = verifiedContact(event, 'manage', deps);
            const choice = chosenTopics(event, deps);
            const view = await orUnknown(savePreferences(contactId, choice, deps));
            logger.info('email preferences saved', { contactId, topics: choice.length });
            return page(preferencesPage(view, choice.length === 0 ? 'unsubscribed' : 'saved'));
          }
          default:
            throw new HttpProblem({
              status: 404,
              type: problemType('not-found'),
              title: 'Not found',
              detail: `No page at ${route}.`,
            });
        }
      })
  );
}

function verifiedContact(event: Request, purpose: MailTokenPurpose, deps: MailPreferencesDeps): string {
  const token = event.queryStringParameters?.token;
  if (!token) {
    throw new HttpProblem({
      status: 400,
      type: problemType('missing-token'),
      title: 'Missing token',
      detail: 'This link has no token; use the link exactly as it appears in the email.',
    });
  }
  const linkValidDays = purpose === 'confirm' ? deps.config.doubleOptIn.linkValidDays : undefined;
  const check = deps.tokens.verify(token, purpose, deps.clock(), linkValidDays);
  if (check.ok) return check.contactId;
  logger.info('mail token refused', { purpose, reason: check.reason });
  if (check.reason === 'expired') {
    throw new HttpProblem({
      status: 410,
      type: problemType('expired-link'),
      title: 'Expired link',
      detail: `Confirmation links work for ${linkValidDays} days; sign up again to get a new one.`,
    });
  }
  throw new HttpProblem({
    status: 400,
    type: problemType('invalid-token'),
    title: 'Invalid link',
    detail: 'This link is incomplete or was altered; use the link exactly as it appears in the email.',
  });
}

async function orUnknown<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (!(error instanceof UnknownContactError)) throw error;
    throw new HttpProblem({
      status: 404,
      type: problemType('unknown-contact'),
      title: 'Unknown address',
      detail: 'We hold no data about the address this link was sent to any more.',
    });
  }
}

/** The body of a form post (API Gateway hands form bodies over base64-encoded). */
function formOf(event: Request): URLSearchParams {
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8');
  return new URLSearchParams(body.length <= 16_384 ? body : '');
}

/** Topics to keep, from the HTML form or a JSON body; an empty list means leave everything. */
function chosenTopics(event: Request, deps: MailPreferencesDeps): string[] {
  const isJson = /^application\/json\b/i.test(event.headers['content-type'] ?? '');
  let topics: string[];
  if (isJson) {
    const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8');
    const parsed = parseBody(jsonPreferencesSchema, parseJson(body));
    topics = 'topics' in parsed ? parsed.topics : [];
  } else {
    const form = formOf(event);
    topics = form.get('action') === 'leave-all' ? [] : form.getAll('topic');
  }
  const known = new Set(deps.config.topics.map((topic) => topic.id));
  const unknown = topics.filter((topic) => !known.has(topic));
  if (unknown.length > 0) {
    throw new HttpProblem({
      status: 400,
      type: problemType('unknown-topic'),
      title: 'Unknown topic',
      detail: `There is no topic ${unknown.map((topic) => JSON.stringify(topic.slice(0, 40))).join(', ')}.`,
      extensions: { topics: [...known] },
    });
  }
  return [...new Set(topics)];
}

/** The preference page of the same token, for the unsubscribe page's "keep some topics" link. */
function preferencesPath(event: Request): string {
  return `${MAIL_ROUTES.preferences}?${new URLSearchParams({ token: event.queryStringParameters?.token ?? '' })}`;
}

/** Personal pages: never cached, never indexed, and the token in the URL never leaks as a referrer. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

function page(html: string, statusCode = 200): Response {
  return { statusCode, headers: PAGE_HEADERS, body: html };
}

/** A person who followed a link in a browser gets a page, not JSON; other clients keep problem+json. */
async function htmlForBrowsers(event: Request, response: Response | undefined): Promise<void> {
  if (!response || !/text\/html/i.test(event.headers.accept ?? '')) return;
  const { type } = JSON.parse(String(response.body ?? '{}')) as { type?: string };
  const locale: EmailLocale = /^fr\b/i.test(event.headers['accept-language'] ?? '') ? 'fr' : 'en';
  const html =
    type === problemType('expired-link')
      ? messagePage(locale, 'expiredTitle', 'expired')
      : type === problemType('unknown-contact')
        ? messagePage(locale, 'brokenTitle', 'unknownAddress')
        : messagePage(locale, 'brokenTitle', 'broken');
  Object.assign(response, page(html, response.statusCode));
}
