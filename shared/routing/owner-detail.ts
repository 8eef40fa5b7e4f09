import type { ContactOwner } from '#shared/contact/contact.ts';
import type { RoutingConfig } from './routing-config.ts';

/** An owner as hand-off events and notifications name them. */
export interface OwnerDetail {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly team?: string;
}

/** Who a stored owner is, by the routing configuration; undefined for someone no longer in it. */
export function ownerDetail(owner: ContactOwner | undefined, config: RoutingConfig): OwnerDetail | undefined {
  const person = owner && config.people[owner.personId];
  if (!owner || !person) return undefined;
  return { id: owner.personId, name: person.name, email: person.email, team: owner.team };
}
