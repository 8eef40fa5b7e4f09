import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { pauseBeforeRetry } from '#shared/runtime/conflict-backoff.ts';
import type { RoutingConfig } from './routing-config.ts';

export interface ReassignDeps {
  readonly contacts: ContactRepository;
  readonly clock: Clock;
  readonly routing: RoutingConfig;
}

export type ReassignOutcome =
  | { readonly outcome: 'reassigned' | 'unchanged'; readonly personId: string }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'unknown-person' };

const MAX_ATTEMPTS = 8;

/**
 * Gives a contact to another person of the routing configuration, as a person in sales decides:
 * the change is a transition of the contact's history (the stage stays), written with the owner in
 * one conditional transaction, so two people reassigning at once both end up in the history.
 */
export async function reassignOwner(
  contactId: string,
  input: { readonly personId: string; readonly by: string; readonly reason?: string },
  deps: ReassignDeps,
): Promise<ReassignOutcome> {
  const person = deps.routing.people[input.personId];
  if (!person) return { outcome: 'unknown-person' };
  for (let attempt = 1; ; attempt += 1) {
    const loaded = await deps.contacts.load(contactId);
    if (!loaded) return { outcome: 'not-found' };
    const { contact } = loaded;
    if (contact.owner?.personId === input.personId) return { outcome: 'unchanged', personId: input.personId };
    const at = deps.clock().toISOString();
    const before =
      contact.owner && (deps.routing.people[contact.owner.personId]?.name ?? contact.owner.personId);
    const saved = await deps.contacts.reassign(
      contactId,
      contact.version,
      { personId: input.personId, assignedAt: at, by: `person:${input.by}` },
      {
        from: contact.stage,
        to: contact.stage,
        at,
        by: `person:${input.by}`,
        reason: [before ? `owner ${before} → ${person.name}` : `owner ${person.name}`, input.reason?.trim()]
          .filter(Boolean)
          .join(': '),
        owner: { from: contact.owner?.personId, to: input.personId },
      },
    );
    if (saved === 'saved') return { outcome: 'reassigned', personId: input.personId };
    if (attempt >= MAX_ATTEMPTS)
      throw new Error(`Contact ${contactId} kept changing; the reassignment gave up.`);
    await pauseBeforeRetry(attempt);
  }
}
