import type { z } from 'zod';

/** Every event leadflow puts on its bus carries this source. */
export const LEADFLOW_SOURCE = 'leadflow';

/**
 * An event contract, shared by the producer (which validates before `PutEvents`) and the consumers
 * (which validate on receipt). The version is part of the detail so a consumer can tell shapes apart.
 */
export interface EventContract<Schema extends z.ZodType> {
  readonly source: string;
  readonly detailType: string;
  readonly version: number;
  readonly schema: Schema;
}

export function defineEvent<const Schema extends z.ZodType>(
  contract: EventContract<Schema>,
): EventContract<Schema> {
  return contract;
}

/** The EventBridge pattern that selects one contract's events, optionally narrowed on its detail. */
export function patternFor(
  contract: EventContract<z.ZodType>,
  detail?: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  return {
    source: [contract.source],
    'detail-type': [contract.detailType],
    ...(detail ? { detail } : {}),
  };
}

export type DetailOf<C> = C extends EventContract<infer S> ? z.infer<S> : never;
