import type * as z from 'zod/mini';
import type { FormsConfig } from '../forms-config.ts';
import {
  type DeliveryFacts,
  type IntakeRequest,
  parseProviderPayload,
  type SignedFormSource,
} from './form-source.ts';
import { genericSource } from './generic.ts';
import { tallySource } from './tally.ts';
import { typeformSource } from './typeform.ts';
import { webflowSource } from './webflow.ts';

/** The `{source}` of the browser form route, which proves itself by origin rather than signature. */
export const HTML_SOURCE_NAME = 'html';

/** A verified delivery with its payload kept inside: it can only be mapped, by its own source. */
export interface ReceivedDelivery extends DeliveryFacts {
  map(forms: FormsConfig): unknown;
}

/** A source with its payload type hidden, so sources of different payloads share one registry. */
export interface AnySignedSource {
  readonly name: string;
  readonly secretName: string;
  /** Authenticates the raw request, then parses and describes the payload; throws HttpProblem. */
  receive(request: IntakeRequest, secret: string, now: Date): ReceivedDelivery;
}

function erase<Schema extends z.ZodMiniType>(source: SignedFormSource<Schema>): AnySignedSource {
  return {
    name: source.name,
    secretName: source.secretName,
    receive(request, secret, now) {
      source.authenticate(request, secret, now);
      const payload = parseProviderPayload(source.payload, request.body);
      return { ...source.describe(payload, request), map: (forms) => source.map(payload, forms) };
    },
  };
}

const SIGNED_SOURCES: ReadonlyMap<string, AnySignedSource> = new Map(
  [erase(genericSource), erase(typeformSource), erase(tallySource), erase(webflowSource)].map((source) => [
    source.name,
    source,
  ]),
);

export function signedSourceNamed(name: string): AnySignedSource | undefined {
  return SIGNED_SOURCES.get(name);
}

/** Every `{source}` intake answers, for the 404 of an unknown one. */
export const SOURCE_NAMES: readonly string[] = [...SIGNED_SOURCES.keys(), HTML_SOURCE_NAME];
