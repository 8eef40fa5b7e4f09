import type { FormsConfig } from '../forms-config.ts';

/** A request as every source sees it: lower-cased headers, query parameters and the raw body bytes. */
export interface IntakeRequest {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** Exactly the bytes sent (already decoded from base64): signatures are computed over these. */
  readonly body: Buffer;
}

/** A delivery proven to come from the provider, with the provider's own id for it. */
export interface VerifiedDelivery<Payload> {
  /** The provider's id of the submission: retries and re-sends of one submission share it. */
  readonly deliveryId: string;
  readonly payload: Payload;
  /** When the provider says the form was submitted (ISO 8601), if it says. */
  readonly submittedAt?: string;
  /** Set when the delivery is genuine but not a submission (another event type): answered, not recorded. */
  readonly ignoredBecause?: string;
}

/**
 * One form tool that signs its webhooks. Adding a tool means writing one of these: how to prove a
 * delivery is genuine (on the raw bytes, before anything is parsed as trusted) and how its payload
 * maps to the canonical submission. Everything else (limits, validation, recording) is shared.
 */
export interface SignedFormSource<Payload> {
  /** The `{source}` of `POST /forms/{source}`. */
  readonly name: string;
  /** The secret it is verified with, read through `readSecret`; none configured means refuse all. */
  readonly secretName: string;
  /** Checks the signature (and replay window), then parses the payload; throws HttpProblem otherwise. */
  verify(request: IntakeRequest, secret: string, now: Date): VerifiedDelivery<Payload>;
  /** The canonical submission draft (validated by the caller with `formSubmissionSchema`). */
  map(payload: Payload, forms: FormsConfig): unknown;
}
