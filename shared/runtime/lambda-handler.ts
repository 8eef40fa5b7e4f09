import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type AsyncHandler, deferredHandler } from './deferred-handler.ts';
import { logger } from './logger.ts';

/**
 * The one shape of a Lambda entry (`functions/<name>/handler.ts`). `compose` is the function's
 * composition root: it builds the real adapters and hands them to the factory beside it. It runs on
 * the first invocation, not at import, and its handler is kept for the container's life (see
 * {@link deferredHandler}), so adapters are lazy, memoised, and may await a secret. Every invocation
 * first gives the logger the Lambda context, so each line carries the request id, the function
 * and the cold-start flag (ids only, never personal data).
 */
export function lambdaHandler<Event, Result>(
  compose: () => AsyncHandler<Event, Context, Result> | Promise<AsyncHandler<Event, Context, Result>>,
) {
  return middy<Event, Result, Error, Context>(deferredHandler(async () => compose())).use(
    injectLambdaContext(logger),
  );
}
