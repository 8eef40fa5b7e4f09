import * as z from 'zod/mini';
import { parseBody, parseJson } from '#shared/http/request.ts';
import { type FormsConfig, type ProviderSourceSettings, settingsOf } from '../forms-config.ts';
import type { MappingRules } from '../mapping/submission-draft.ts';

/** A request as every source sees it: lower-cased headers, query parameters and the raw body bytes. */
export interface IntakeRequest {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** Exactly the bytes sent (already decoded from base64): signatures are computed over these. */
  readonly body: Buffer;
}

/** What a genuine delivery says about itself: the provider's own id for it, and when it happened. */
export interface DeliveryFacts {
  /** The provider's id of the submission: retries and re-sends of one submission share it. */
  readonly deliveryId: string;
  /** When the provider says the form was submitted (ISO 8601), if it says. */
  readonly submittedAt?: string;
  /** Set when the delivery is genuine but not a submission (another event type): answered, not recorded. */
  readonly ignoredBecause?: string;
}

/**
 * One form tool that signs its webhooks. Adding a tool means writing one of these: how to prove a
 * delivery is genuine (on the raw bytes, before anything is parsed), the shape of its payload, the
 * provider's id of a delivery, and how the payload maps to the canonical submission. Everything
 * else (limits, parsing, validation, recording) is shared.
 */
export interface SignedFormSource<Schema extends z.ZodMiniType> {
  /** The `{source}` of `POST /forms/{source}`. */
  readonly name: string;
  /** The secret it is verified with, read through `readSecret`; none configured means refuse all. */
  readonly secretName: string;
  /** Throws a 401 HttpProblem unless the raw request is signed by the provider (within its window). */
  authenticate(request: IntakeRequest, secret: string, now: Date): void;
  /** The parts of the provider's payload that are read; a body that does not fit answers 400. */
  readonly payload: Schema;
  describe(payload: z.infer<Schema>, request: IntakeRequest): DeliveryFacts;
  /** The canonical submission draft (validated by the caller with `formSubmissionSchema`). */
  map(payload: z.infer<Schema>, forms: FormsConfig): unknown;
}

/** Declares a source, keeping its payload type for `describe` and `map`. */
export function defineSignedSource<Schema extends z.ZodMiniType>(
  source: SignedFormSource<Schema>,
): SignedFormSource<Schema> {
  return source;
}

/** A provider's id (of a form, a response, a delivery): bounded, so it can be a key. */
export const providerId = z.string().check(z.minLength(1), z.maxLength(200));

/** An authenticated body parsed as the provider's payload: 400 naming each path that does not fit. */
export function parseProviderPayload<Schema extends z.ZodMiniType>(
  schema: Schema,
  body: Buffer,
): z.infer<Schema> {
  return parseBody(schema, parseJson(body.toString('utf8')));
}

/** Why a genuine delivery is not a submission (`event type form_deleted`), or undefined when it is one. */
export function ignoredUnless(actual: string, expected: string, what: string): string | undefined {
  return actual === expected ? undefined : `${what} ${actual.slice(0, 50)}`;
}

/** The mapping rules of a provider's form, looked up by each of its identifiers in turn (id, then name). */
export function mappingRulesFor(
  settings: ProviderSourceSettings,
  ...formKeys: readonly (string | undefined)[]
): MappingRules {
  const form = formKeys.map((key) => settingsOf(settings.forms, key)).find(Boolean);
  return { form, defaultFormType: settings.defaultFormType };
}
