import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '#shared/runtime/logger.ts';
import { HttpProblem, problemResponse, problemType } from './problem.ts';

/**
 * Turns every error of an HTTP handler into problem+json: an HttpProblem as it says, anything else
 * as a 500 that names the request id (the cause goes to the log, never to the caller).
 */
export function problemDetails(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const { error, event } = request;
      const requestId = event.requestContext?.requestId;
      if (error instanceof HttpProblem) {
        logger.info('request refused', { status: error.status, problem: error.type, requestId });
        request.response = problemResponse(error);
        return;
      }
      // Our own error messages never carry personal data; request bodies are never logged.
      logger.error('request failed', {
        error: error instanceof Error ? { name: error.name, message: error.message } : 'unknown',
        requestId,
      });
      request.response = problemResponse(
        new HttpProblem({
          status: 500,
          type: problemType('internal-error'),
          title: 'Internal error',
          detail: `The request could not be processed; it was not recorded. Retry later (request ${requestId ?? 'unknown'}).`,
        }),
      );
    },
  };
}
