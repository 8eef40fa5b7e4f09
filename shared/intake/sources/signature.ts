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
