import type * as z from 'zod/mini';

/** Every event leadflow puts on its bus carries this source. */
export const LEADFLOW_SOURCE = 'leadflow';

/**
 * An event contract, shared by the producer (which validates before `PutEvents`) and the consumers
 * (which validate on receipt). The version is part of the detail so a consumer can tell shapes apart.
 */
export interface EventContract<Schema extends z.ZodMiniType> {
  readonly source: string;
  readonly detailType: string;
  readonly version: number;
  readonly schema: Schema;
}

export function defineEvent<const Schema extends z.ZodMiniType>(
  contract: EventContract<Schema>,
): EventContract<Schema> {
  return contract;
}

/** The EventBridge pattern that selects one contract's events, optionally narrowed on its detail. */
export function patternFor(
  contract: EventContract<z.ZodMiniType>,
  detail?: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  return {
    source: [contract.source],
    'detail-type': [contract.detailType],
    ...(detail ? { detail } : {}),
  };
}

export type DetailOf<C> = C extends EventContract<infer S> ? z.infer<S> : never;

/** Thrown when a received event is not what its contract promises; it must not be retried as is. */
export class EventContractError extends Error {
  override name = 'EventContractError';
}

/**
 * Checks a delivered event against its contract on the consumer side, so a producer bug surfaces
 * as a clear error (and a dead letter) instead of a half-processed contact.
 */
export function parseDetail<Schema extends z.ZodMiniType>(
  contract: EventContract<Schema>,
  event: { readonly source?: string; readonly 'detail-type'?: string; readonly detail?: unknown },
): z.infer<Schema> {
  if (event.source !== contract.source || event['detail-type'] !== contract.detailType) {
    throw new EventContractError(
      `Expected a "${contract.detailType}" event from ${contract.source}, got "${event['detail-type']}" from ${event.source}.`,
    );
  }
  const result = contract.schema.safeParse(event.detail);
  if (!result.success) {
    const paths = result.error.issues.map((issue) => issue.path.join('.') || '(detail)').join(', ');
    throw new EventContractError(`"${contract.detailType}" detail does not match its schema at: ${paths}.`);
  }
  return result.data;
}
