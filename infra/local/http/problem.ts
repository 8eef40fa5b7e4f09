import { type ServerResponse, STATUS_CODES } from 'node:http';

/**
 * Writes an RFC 9457 problem document. `type: about:blank` means "the status says it all", so the
 * title is the status phrase; `detail` says what happened to this request.
 */
export function sendProblem(
  response: ServerResponse,
  status: number,
  detail: string,
  options: { readonly requestId?: string; readonly headers?: Readonly<Record<string, string>> } = {},
): void {
  const body = JSON.stringify({
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(options.requestId ? { requestId: options.requestId } : {}),
  });
  response.writeHead(status, {
    ...options.headers,
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
