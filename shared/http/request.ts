import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { HttpProblem, problemType } from './problem.ts';
import '#shared/runtime/validation-messages.ts';

/** leadflow accepts at most 256 KB per request: no form needs more, and it bounds the work per call. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The body exactly as sent (signatures are computed over these bytes), refusing empty and oversized ones. */
export function rawBody(event: APIGatewayProxyEventV2): string {
  return rawBodyBytes(event).toString('utf8');
}

/**
 * The body's bytes, decoded from base64 when API Gateway encoded it (it does for form posts and any
 * non-text media type), refusing empty and oversized bodies.
 */
export function rawBodyBytes(event: APIGatewayProxyEventV2): Buffer {
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.byteLength > MAX_BODY_BYTES) {
    throw new HttpProblem({
      status: 413,
      type: problemType('body-too-large'),
      title: 'Body too large',
      detail: `The body is ${bytes.byteLength} bytes; at most ${MAX_BODY_BYTES} are accepted.`,
    });
  }
  if (bytes.byteLength === 0) {
    throw new HttpProblem({
      status: 400,
      type: problemType('empty-body'),
      title: 'Empty body',
      detail: 'The request has no body; a form submission was expected.',
    });
  }
  return bytes;
}

export function requireJsonContentType(event: APIGatewayProxyEventV2): void {
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HttpProblem({
      status: 415,
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      detail: `The body must be application/json, not "${contentType.slice(0, 100) || 'none'}".`,
    });
  }
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpProblem({
      status: 400,
      type: problemType('malformed-json'),
      title: 'Malformed JSON',
      detail: 'The body is not valid JSON.',
    });
  }
}

/** Validates a body; a 400 lists every invalid field by path, without echoing the values. */
export function parseBody<Schema extends z.ZodMiniType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpProblem({
      status: 400,
      type: problemType('invalid-body'),
      title: 'Invalid body',
      detail: 'Some fields are missing or invalid; see `errors`.',
      extensions: {
        errors: result.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(body)',
          message: issue.message,
        })),
      },
    });
  }
  return result.data;
}

/** Validates the query string; a 400 lists every invalid parameter by name. */
export function parseQuery<Schema extends z.ZodMiniType>(
  schema: Schema,
  event: Pick<APIGatewayProxyEventV2, 'queryStringParameters'>,
): z.infer<Schema> {
  const result = schema.safeParse(event.queryStringParameters ?? {});
  if (result.success) return result.data;
  throw new HttpProblem({
    status: 400,
    type: problemType('invalid-query'),
    title: 'Invalid query',
    detail: 'Some query parameters are invalid; see `errors`.',
    extensions: {
      errors: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    },
  });
}
