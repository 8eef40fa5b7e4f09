import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * An HTTP error answered as RFC 9457 problem details: a machine-readable `type`, a human `title`
 * and `detail`, and optional extension members (e.g. the field errors of a bad body).
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly extensions: Readonly<Record<string, unknown>>;
  /** Response headers the problem calls for, such as `www-authenticate` on a 401. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(options: {
    status: number;
    type: string;
    title: string;
    detail: string;
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
  }) {
    super(options.detail);
    this.status = options.status;
    this.type = options.type;
    this.title = options.title;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

/** Problem types are URNs in one namespace, stable for clients to switch on. */
export const problemType = (slug: string) => `urn:leadflow:problem:${slug}`;

export function problemResponse(problem: HttpProblem, instance?: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: { ...problem.headers, 'content-type': 'application/problem+json' },
    body: JSON.stringify({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      ...(instance ? { instance } : {}),
      ...problem.extensions,
    }),
  };
}

export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
