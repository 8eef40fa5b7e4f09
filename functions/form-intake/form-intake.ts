import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { corsForAllowedOrigins } from '#shared/http/cors.ts';
import { HttpProblem, problemType } from '#shared/http/problem.ts';
import { problemDetails } from '#shared/http/problem-details-middleware.ts';
import { type IntakeDeps, receiveSignedDelivery } from '#shared/intake/receive-signed-delivery.ts';
import {
  HTML_SOURCE,
  htmlFormCorsOrigin,
  htmlFormPreflight,
  receiveHtmlForm,
} from '#shared/intake/sources/html/receive-html-form.ts';
import { SOURCE_NAMES, signedSourceNamed } from '#shared/intake/sources/registry.ts';

export type FormIntakeDeps = IntakeDeps;

/**
 * `POST /forms/{source}` (and the browser's `OPTIONS` preflight): picks the source and hands the
 * request to it. Signing tools are verified on the raw bytes; the `html` source by the form's
 * allowed origins. Every refusal is RFC 9457 problem+json and writes nothing.
 */
export function createFormIntakeHandler(deps: FormIntakeDeps) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(
      corsForAllowedOrigins((event) => (isHtml(event) ? htmlFormCorsOrigin(event, deps.forms) : undefined)),
    )
    .use(problemDetails())
    .handler(async (event) => {
      const source = event.pathParameters?.source ?? '';
      const preflight = event.requestContext.http.method === 'OPTIONS';
      if (source === HTML_SOURCE) {
        return preflight ? htmlFormPreflight(event, deps.forms) : receiveHtmlForm(event, deps);
      }
      const signed = signedSourceNamed(source);
      if (!signed || preflight) throw unknownSource(source, preflight);
      return receiveSignedDelivery(signed, event, deps);
    });
}

function isHtml(event: APIGatewayProxyEventV2): boolean {
  return event.pathParameters?.source === HTML_SOURCE;
}

function unknownSource(source: string, preflight: boolean): HttpProblem {
  return new HttpProblem({
    status: 404,
    type: problemType('unknown-source'),
    title: 'Unknown form source',
    detail: preflight
      ? `Only the ${HTML_SOURCE} source is posted from browsers; "${source.slice(0, 50)}" takes no preflight.`
      : `There is no form source named "${source.slice(0, 50)}". Known sources: ${SOURCE_NAMES.join(', ')}.`,
  });
}
