import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface LambdaContextInput {
  readonly functionName: string;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  readonly region: string;
  readonly accountId: string;
  readonly requestId?: string;
  readonly now?: () => number;
}

/**
 * The context object Lambda passes as a handler's second argument. Middy, Powertools and handlers
 * read `awsRequestId`, `functionName` and `getRemainingTimeInMillis()` from it, so a local invocation
 * gives them real values instead of `undefined`.
 */
export function lambdaContext(input: LambdaContextInput): Context {
  const now = input.now ?? Date.now;
  const deadline = now() + input.timeoutMs;
  const logGroupName = `/aws/lambda/${input.functionName}`;
  const unsupported = (name: string) => () => {
    throw new Error(
      `context.${name}() is the pre-async Lambda API; return or throw from the handler instead.`,
    );
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: input.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${input.region}:${input.accountId}:function:${input.functionName}`,
    memoryLimitInMB: String(input.memoryMb),
    awsRequestId: input.requestId ?? randomUUID(),
    logGroupName,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
