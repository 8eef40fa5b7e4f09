import type { ContactRepository } from '#shared/contact/contact-repository.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';
import type { FollowUpStore } from './follow-up-store.ts';

/** One open follow-up as the console lists it. */
export interface FollowUpEntry {
  readonly contactId: string;
  readonly name: string;
  readonly company?: string;
  readonly kind: 'review' | 'first-touch';
  readonly owner?: string;
  readonly startedAt?: string;
  readonly dueAt?: string;
  readonly overdue: boolean;
}

/**
 * The open follow-ups, the most overdue first, with who they are about and who owes them: the
 * console's "overdue" list. The owner is the contact's current one (a reassignment hands the
 * follow-up over); a follow-up whose contact was erased is left out.
 */
export async function listFollowUps(
  deps: {
    readonly followUps: FollowUpStore;
    readonly contacts: ContactRepository;
    readonly routing: RoutingConfig;
  },
  now: string,
): Promise<FollowUpEntry[]> {
  const entries: FollowUpEntry[] = [];
  for (const followUp of await deps.followUps.open()) {
    if (!followUp.handOffId) continue;
    const loaded = await deps.contacts.load(followUp.contactId);
    if (!loaded) continue;
    const { contact } = loaded;
    entries.push({
      contactId: contact.contactId,
      name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email,
      company: contact.company,
      kind: followUp.kind,
      owner: ownerName(contact.owner?.personId ?? followUp.ownerId, deps.routing),
      startedAt: followUp.startedAt,
      dueAt: followUp.dueAt,
      overdue: followUp.dueAt !== undefined && followUp.dueAt <= now,
    });
  }
  return entries.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}

function ownerName(personId: string | undefined, routing: RoutingConfig): string | undefined {
  return personId && (routing.people[personId]?.name ?? personId);
}
