import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpProblem, problemType } from '#shared/http/problem.ts';

/** Replayed deliveries older (or newer) than this are refused where the scheme signs a timestamp. */
export const REPLAY_WINDOW_MS = 5 * 60_000;

/**
 * Whether `provided` is the HMAC-SHA256 of the parts (concatenated) under `secret`. The comparison is
 * constant-time (`crypto.timingSafeEqual`), so response times reveal nothing about a near-miss.
 */
export function matchesHmacSha256(
  secret: string,
  parts: readonly (string | Buffer)[],
  provided: Buffer,
): boolean {
  const hmac = createHmac('sha256', secret);
  for (const part of parts) hmac.update(part);
  const expected = hmac.digest();
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}

/** Refuses (401) unless `provided`, as decoded from the `header`, is the HMAC-SHA256 of the parts. */
export function requireHmacSha256(
  secret: string,
  parts: readonly (string | Buffer)[],
  provided: Buffer,
  header: string,
): void {
  if (!matchesHmacSha256(secret, parts, provided)) {
    throw invalidSignature(`The ${header} does not match the body and the configured secret.`);
  }
}

/**
 * Typeform's and Tally's scheme: the base64 HMAC-SHA256 of the raw body in one header, after an
 * optional prefix (`sha256=`). Refuses (401) a missing, malformed or wrong signature.
 */
export function requireBodyHmacSha256(
  request: { readonly headers: Readonly<Record<string, string | undefined>>; readonly body: Buffer },
  secret: string,
  scheme: { readonly header: string; readonly prefix?: string },
): void {
  const value = request.headers[scheme.header.toLowerCase()] ?? '';
  const prefix = scheme.prefix ?? '';
  if (value.length <= prefix.length || !value.startsWith(prefix)) {
    throw invalidSignature(`The ${scheme.header} header is missing or not of the form ${prefix}<base64>.`);
  }
  requireHmacSha256(secret, [request.body], Buffer.from(value.slice(prefix.length), 'base64'), scheme.header);
}

/** Whether a signed timestamp (milliseconds) is within the replay window around `now`. */
export function withinReplayWindow(timestampMs: number, now: Date): boolean {
  return Number.isFinite(timestampMs) && Math.abs(now.getTime() - timestampMs) <= REPLAY_WINDOW_MS;
}

/** The 401 every source answers when a delivery cannot be proven to come from its provider. */
export function invalidSignature(detail: string): HttpProblem {
  return new HttpProblem({
    status: 401,
    type: problemType('invalid-signature'),
    title: 'Invalid signature',
    detail,
  });
}
