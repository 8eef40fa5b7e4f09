import type { Contact, ContactOwner } from '#shared/contact/contact.ts';
import { memberAtTurn, routeContact } from './decide-owner.ts';
import type { RoutingConfig } from './routing-config.ts';

/** The routing rules and the turn counters of their round-robins. */
export interface OwnerRouting {
  readonly config: RoutingConfig;
  /** The next turn (1, 2, 3…) of a team's round-robin, counted once for every function. */
  nextTurn(team: string): Promise<number>;
}

/**
 * The owner of a contact being handed to sales: the one it already has (a review accepted keeps its
 * reviewer's prospect), or the next member of the team its territory rule names, or the fallback
 * owner. A turn taken by a write that then loses a version race is skipped, not given twice.
 */
export async function assignOwner(
  contact: Contact,
  at: string,
  routing: OwnerRouting,
): Promise<ContactOwner> {
  if (contact.owner && routing.config.people[contact.owner.personId]) return contact.owner;
  const route = routeContact(contact, routing.config);
  if (route.kind === 'fallback') {
    return { personId: routing.config.fallback, assignedAt: at, by: 'routing:fallback' };
  }
  const members = routing.config.teams[route.team]?.members ?? [];
  const turn = members.length > 1 ? await routing.nextTurn(route.team) : 1;
  return {
    personId: memberAtTurn(routing.config, route.team, turn),
    team: route.team,
    assignedAt: at,
    by: `routing:${route.rule}`,
  };
}
