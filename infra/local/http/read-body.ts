import type { IncomingMessage } from 'node:http';

/** The request body is over the limit; nothing of it was kept. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** API Gateway's own payload limit; past it the gateway stops reading and drops the connection. */
const DRAIN_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a request body up to `limitBytes`. Over the limit (by Content-Length, or counted while
 * streaming when the length is not announced) it keeps nothing, reads on to the end of the body
 * so the client gets to see the 413 instead of a reset connection, and rejects.
 */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const announced = Number(request.headers['content-length']);
  let tooLarge = Number.isFinite(announced) && announced > limitBytes;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) tooLarge = true;
    if (size > DRAIN_LIMIT_BYTES) {
      request.destroy();
      break;
    }
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  if (tooLarge) throw new BodyTooLargeError(`The request body is larger than ${limitBytes} bytes.`);
  return Buffer.concat(chunks);
}
