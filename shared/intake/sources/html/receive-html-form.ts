import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { utmFromUrl } from '#shared/activity/utm.ts';
import { preflightResponse } from '#shared/http/cors.ts';
import { HttpProblem, problemType } from '#shared/http/problem.ts';
import { rawBodyBytes } from '#shared/http/request.ts';
import { logger } from '#shared/runtime/logger.ts';
import { acceptSubmission } from '../../accept-submission.ts';
import { type FormsConfig, settingsOf } from '../../forms-config.ts';
import { draftSubmission } from '../../mapping/submission-draft.ts';
import type { IntakeDeps } from '../../receive-signed-delivery.ts';
import { type FormFields, parseFormBody } from './form-body.ts';
import { htmlFormAccepted, wantsJson } from './html-response.ts';
import { isAllowedOrigin, originNotAllowed, originOf, requestOrigin } from './origin-allowlist.ts';

export const HTML_SOURCE = 'html';

const FORM_ORIGIN_REMEDY = "add the origin to the form's allowedOrigins in the forms configuration";

/**
 * `POST /forms/html?form=<id>`: a plain browser form, which can hold no secret. Instead: the form must
 * be configured, the page must be on its allowed origins (Origin, else Referer), a filled honeypot is
 * answered as accepted and dropped, and the browser is sent to the thank-you page (303), or gets JSON
 * when it asked for it.
 */
export async function receiveHtmlForm(
  event: APIGatewayProxyEventV2,
  deps: IntakeDeps,
): Promise<APIGatewayProxyStructuredResultV2> {
  const { formId, form } = configuredForm(event, deps.forms);
  const origin = requestOrigin(event.headers);
  if (!origin || !isAllowedOrigin(origin, form.allowedOrigins))
    throw originNotAllowed(origin, FORM_ORIGIN_REMEDY);
  const fields = await parseFormBody(rawBodyBytes(event), event.headers['content-type'] ?? '');
  const respond = { json: wantsJson(event.headers.accept), thankYouUrl: form.thankYouUrl };
  if (fields.get(form.honeypotField)?.some((value) => value.trim() !== '')) {
    logger.info('honeypot filled; submission dropped', { source: HTML_SOURCE, formId });
    return htmlFormAccepted(undefined, respond);
  }
  const submitted = [...fields]
    .filter(([name]) => name !== form.honeypotField)
    .map(([name, values]) => ({ names: [name], value: values.length === 1 ? (values[0] ?? '') : values }));
  const draft = draftSubmission(
    submitted,
    { form, defaultFormType: form.formType ?? 'contact' },
    { utm: utmFromUrl(event.headers.referer) },
  );
  const accepted = await acceptSubmission(
    { source: HTML_SOURCE, deliveryId: deliveryIdOf(formId, draft, fields, event, deps.clock()), draft },
    deps,
  );
  return htmlFormAccepted(accepted, respond);
}

/** The answer to a browser's preflight for `fetch()` posts from an allowed page. */
export function htmlFormPreflight(event: APIGatewayProxyEventV2, forms: FormsConfig) {
  const { form } = configuredForm(event, forms);
  const origin = originOf(event.headers.origin);
  if (!origin || !isAllowedOrigin(origin, form.allowedOrigins))
    throw originNotAllowed(origin, FORM_ORIGIN_REMEDY);
  return preflightResponse({ methods: ['POST'], headers: ['content-type', 'accept', 'idempotency-key'] });
}

/** The Origin the CORS headers may name: an allowed one of the form posted to, else none. */
export function htmlFormCorsOrigin(event: APIGatewayProxyEventV2, forms: FormsConfig): string | undefined {
  const form = settingsOf(forms.html.forms, event.queryStringParameters?.form);
  const origin = originOf(event.headers.origin);
  return form && origin && isAllowedOrigin(origin, form.allowedOrigins) ? origin : undefined;
}

function configuredForm(event: APIGatewayProxyEventV2, forms: FormsConfig) {
  const formId = event.queryStringParameters?.form ?? '';
  const form = settingsOf(forms.html.forms, formId);
  if (!form) {
    throw new HttpProblem({
      status: 404,
      type: problemType('unknown-form'),
      title: 'Unknown form',
      detail: formId
        ? `There is no HTML form "${formId.slice(0, 64)}" in the forms configuration.`
        : 'Say which form this is: post to /forms/html?form=<form id from the forms configuration>.',
    });
  }
  return { formId, form };
}

/**
 * A browser has no delivery id of its own: the form's `submission_id` field or an Idempotency-Key
 * header when the page sets one, else the content itself within the day, so a double click or a
 * reload of the posted page records once.
 */
function deliveryIdOf(
  formId: string,
  draft: Record<string, unknown>,
  fields: FormFields,
  event: APIGatewayProxyEventV2,
  now: Date,
): string {
  const key = event.headers['idempotency-key'];
  const explicit =
    typeof draft.submissionId === 'string'
      ? draft.submissionId
      : key && key.length <= 200 && !/\p{Cc}/u.test(key)
        ? key
        : undefined;
  if (explicit) return `${formId}:${explicit}`;
  const content = JSON.stringify([...fields].sort(([a], [b]) => a.localeCompare(b)));
  const day = now.toISOString().slice(0, 10);
  return `${formId}:${day}:${createHash('sha256').update(content).digest('hex')}`;
}
