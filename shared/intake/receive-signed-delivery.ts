import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonResponse } from '#shared/http/problem.ts';
import { rawBodyBytes, requireJsonContentType } from '#shared/http/request.ts';
import { logger } from '#shared/runtime/logger.ts';
import { type AcceptSubmissionDeps, acceptSubmission, secretOrRefuse } from './accept-submission.ts';
import type { FormsConfig } from './forms-config.ts';
import type { AnySignedSource } from './sources/registry.ts';

export interface IntakeDeps extends AcceptSubmissionDeps {
  readonly forms: FormsConfig;
}

/**
 * `POST /forms/{source}` for a signing form tool. In order: size, media type, the source's secret
 * (none configured refuses all), the signature on the raw bytes, the provider payload, the mapped
 * submission and the address. Any refusal is a problem+json answer and writes nothing.
 */
export async function receiveSignedDelivery(
  source: AnySignedSource,
  event: APIGatewayProxyEventV2,
  deps: IntakeDeps,
): Promise<APIGatewayProxyStructuredResultV2> {
  const body = rawBodyBytes(event);
  requireJsonContentType(event);
  const secret = await secretOrRefuse(deps.readSecret, source.secretName);
  const delivery = source.receive(
    { headers: event.headers, query: event.queryStringParameters ?? {}, body },
    secret,
    deps.clock(),
  );
  if (delivery.ignoredBecause) {
    logger.info('delivery ignored', { source: source.name, reason: delivery.ignoredBecause });
    return jsonResponse(202, {
      status: 'ignored',
      reason: `Not a form submission (${delivery.ignoredBecause}).`,
    });
  }
  const accepted = await acceptSubmission(
    {
      source: source.name,
      deliveryId: delivery.deliveryId,
      draft: delivery.map(deps.forms),
      submittedAt: delivery.submittedAt,
    },
    deps,
  );
  return jsonResponse(202, { status: 'accepted', ...accepted });
}
