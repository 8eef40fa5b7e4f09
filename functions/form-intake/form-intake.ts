import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { SecretNotConfiguredError } from '#shared/adapters/secrets.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { problemDetails } from '#shared/http/problem-details-middleware.ts';
import { parseBody, parseJson, rawBody, requireJsonContentType } from '#shared/http/request.ts';
import { formSubmissionSchema } from '#shared/intake/form-submission.ts';
import {
  type RecordFormSubmissionDeps,
  recordFormSubmission,
} from '#shared/intake/record-form-submission.ts';
import { GENERIC_SECRET_NAME, verifyGenericDelivery } from '#shared/intake/sources/generic.ts';
import { logger } from '#shared/runtime/logger.ts';

export interface FormIntakeDeps extends RecordFormSubmissionDeps {
  readonly readSecret: (name: string) => Promise<string>;
}

/**
 * `POST /forms/{source}`: the HTTP edge of intake. It checks, in order, source, size, media type,
 * signature (on the raw bytes, before parsing anything), JSON, fields and address; any refusal
 * answers problem+json and writes nothing.
 */
export function createFormIntakeHandler(deps: FormIntakeDeps) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(problemDetails())
    .handler(async (event) => {
      const source = event.pathParameters?.source ?? '';
      if (source !== 'generic') {
        throw new HttpProblem({
          status: 404,
          type: problemType('unknown-source'),
          title: 'Unknown form source',
          detail: `There is no form source named "${source.slice(0, 50)}". Known sources: generic.`,
        });
      }
      const body = rawBody(event);
      requireJsonContentType(event);
      const deliveryId = verifyGenericDelivery(
        body,
        event.headers,
        await secretOrRefuse(deps, GENERIC_SECRET_NAME),
      );
      const submission = parseBody(formSubmissionSchema, parseJson(body));
      const email = normalizeEmail(submission.email);
      if (!email.ok) {
        throw new HttpProblem({
          status: 422,
          type: problemType('invalid-email'),
          title: 'Invalid email address',
          detail: email.reason,
          extensions: { errors: [{ field: 'email', message: email.reason }] },
        });
      }
      const outcome = await recordFormSubmission(
        { source, deliveryId, email: email.email, submission },
        deps,
      );
      logger.info('form submission recorded', { source, ...outcome });
      return jsonResponse(202, { status: 'accepted', ...outcome });
    });
}

/** A source whose secret is not configured refuses every delivery (fail closed). */
async function secretOrRefuse(deps: FormIntakeDeps, name: string): Promise<string> {
  try {
    return await deps.readSecret(name);
  } catch (error) {
    if (!(error instanceof SecretNotConfiguredError)) throw error;
    logger.error('webhook secret not configured; refusing deliveries', { secret: name });
    throw new HttpProblem({
      status: 401,
      type: problemType('source-not-configured'),
      title: 'Source not configured',
      detail: 'This form source has no signing secret configured, so no delivery can be trusted.',
    });
  }
}
