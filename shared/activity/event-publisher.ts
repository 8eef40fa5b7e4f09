import type * as z from 'zod/mini';
import type { EventContract } from '#events/contract.ts';

/** One event to put: its contract and a detail that must satisfy the contract's schema. */
export interface OutgoingEvent<Schema extends z.ZodMiniType = z.ZodMiniType> {
  readonly contract: EventContract<Schema>;
  readonly detail: z.infer<Schema>;
}

export function outgoing<Schema extends z.ZodMiniType>(
  contract: EventContract<Schema>,
  detail: z.infer<Schema>,
): OutgoingEvent<Schema> {
  return { contract, detail };
}

/**
 * The port every use case announces through: EventBridge in AWS and locally
 * (shared/adapters/event-publisher.ts), a recording fake in unit tests.
 */
export interface EventPublisher {
  publish(events: readonly OutgoingEvent[]): Promise<void>;
}
