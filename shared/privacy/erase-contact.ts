import { contactErased } from '#events/contact-erased.ts';
import { type EventPublisher, outgoing } from '#shared/activity/event-publisher.ts';
import type { Suppression } from '#shared/nurture/nurture-state.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import type { ContactDataStore, ErasureOutcome } from './contact-data-store.ts';

export interface EraseContactDeps {
  readonly data: ContactDataStore;
  readonly events: EventPublisher;
  readonly clock: Clock;
}

/**
 * What stays after an erasure: the suppression the address already had (a bounce stays a bounce),
 * else `unsubscribed`: a person who asks to be forgotten has objected to being mailed, and keeping
 * that objection is the one thing the law lets (and asks) us keep.
 */
export function suppressionAfterErasure(existing: Suppression | undefined, at: string): Suppression {
  return existing ?? { reason: 'unsubscribed', at };
}

/**
 * Erases a contact (GDPR article 17) and puts "Contact Erased" for downstream tools. Asking again
 * erases what was recorded since and puts the event again with the first `erasedAt`, so a put lost
 * after the deletion is recovered by retrying the request.
 */
export async function eraseContact(contactId: string, deps: EraseContactDeps): Promise<ErasureOutcome> {
  const outcome = await deps.data.erase(contactId, deps.clock().toISOString(), suppressionAfterErasure);
  if (outcome.outcome === 'not-found') return outcome;
  await deps.events.publish([outgoing(contactErased, { version: 1, contactId, erasedAt: outcome.erasedAt })]);
  return outcome;
}
