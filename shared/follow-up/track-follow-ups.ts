import { addBusinessHours, businessDayHours } from '#shared/routing/business-hours.ts';
import type { RoutingConfig } from '#shared/routing/routing-config.ts';
import { pauseBeforeRetry } from '#shared/runtime/conflict-backoff.ts';
import { planClose, planStart } from './decide-follow-up.ts';
import type { FollowUp, FollowUpKind } from './follow-up.ts';
import type { FollowUpStore } from './follow-up-store.ts';

export interface TrackFollowUpDeps {
  readonly followUps: FollowUpStore;
  readonly routing: RoutingConfig;
}

export interface HandOffStarted {
  readonly contactId: string;
  readonly kind: FollowUpKind;
  readonly handOffId: string;
  readonly at: string;
  readonly ownerId?: string;
}

const MAX_ATTEMPTS = 8;

/**
 * Opens the follow-up of a hand-off with its deadline in the owner's business hours (the fallback
 * owner's calendar when it has none): a review is decided within `reviewBusinessHours`, a prospect
 * touched within `firstTouchBusinessDays` working days; the reminder comes `reminderBusinessHours`
 * before the deadline.
 */
export async function startFollowUp(
  started: HandOffStarted,
  deps: TrackFollowUpDeps,
): Promise<FollowUp | 'unchanged'> {
  const { deadlines, people, fallback } = deps.routing;
  const owner = (started.ownerId && people[started.ownerId]) || people[fallback];
  if (!owner) throw new Error('The routing configuration has no fallback owner.');
  const hours =
    started.kind === 'review'
      ? deadlines.reviewBusinessHours
      : deadlines.firstTouchBusinessDays * businessDayHours(owner.calendar);
  const lead = Math.max(0, hours - deadlines.reminderBusinessHours);
  return update(started.contactId, started.kind, deps, (existing) =>
    planStart(existing, {
      contactId: started.contactId,
      kind: started.kind,
      handOffId: started.handOffId,
      ownerId: started.ownerId,
      startedAt: started.at,
      remindAt: addBusinessHours(started.at, lead, owner.calendar),
      dueAt: addBusinessHours(started.at, hours, owner.calendar),
    }),
  );
}

/** Closes a follow-up: the review was decided, or sales first touched the prospect, at `at`. */
export function closeFollowUp(
  contactId: string,
  kind: FollowUpKind,
  at: string,
  deps: TrackFollowUpDeps,
): Promise<FollowUp | 'unchanged'> {
  return update(contactId, kind, deps, (existing) => planClose(existing, contactId, kind, at));
}

/** Read, decide, write on the version read; a lost race reads again. */
export async function update(
  contactId: string,
  kind: FollowUpKind,
  deps: { readonly followUps: FollowUpStore },
  decide: (existing: FollowUp | undefined) => FollowUp | 'unchanged',
): Promise<FollowUp | 'unchanged'> {
  for (let attempt = 1; ; attempt += 1) {
    const next = decide(await deps.followUps.get(contactId, kind));
    if (next === 'unchanged' || (await deps.followUps.save(next)) === 'saved') return next;
    if (attempt >= MAX_ATTEMPTS) throw new Error(`The follow-up of ${contactId} kept changing.`);
    await pauseBeforeRetry(attempt);
  }
}
