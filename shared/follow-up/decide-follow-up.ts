import type { FollowUp, FollowUpKind, FollowUpNotice } from './follow-up.ts';

export interface FollowUpStart {
  readonly contactId: string;
  readonly kind: FollowUpKind;
  readonly handOffId: string;
  readonly ownerId?: string;
  readonly startedAt: string;
  readonly remindAt: string;
  readonly dueAt: string;
}

/**
 * What a hand-off event does to the follow-up: opens it, unless it is a redelivery (same hand-off)
 * or a close for this contact was seen at or after the hand-off (reordered events), or an older
 * hand-off than the one already followed up.
 */
export function planStart(existing: FollowUp | undefined, start: FollowUpStart): FollowUp | 'unchanged' {
  if (existing?.handOffId === start.handOffId) return 'unchanged';
  if (existing?.startedAt && existing.startedAt > start.startedAt) return 'unchanged';
  const closedFirst =
    existing && !existing.handOffId && existing.closedAt && existing.closedAt >= start.startedAt;
  return {
    ...start,
    version: existing?.version ?? 0,
    ...(closedFirst ? { closedAt: existing.closedAt } : {}),
  };
}

/** What a decision or a first touch at `at` does: closes an open follow-up begun before it. */
export function planClose(
  existing: FollowUp | undefined,
  contactId: string,
  kind: FollowUpKind,
  at: string,
): FollowUp | 'unchanged' {
  if (!existing) return { contactId, kind, closedAt: at, version: 0 };
  if (existing.closedAt || (existing.startedAt && existing.startedAt > at)) return 'unchanged';
  return { ...existing, closedAt: at };
}

/** The notice an open follow-up owes at `now`: the escalation once past due, the reminder before. */
export function owedNotice(followUp: FollowUp, now: string): FollowUpNotice | undefined {
  if (followUp.closedAt || !followUp.dueAt || !followUp.remindAt) return undefined;
  if (now >= followUp.dueAt) return followUp.escalatedAt ? undefined : 'escalation';
  if (now >= followUp.remindAt) return followUp.remindedAt ? undefined : 'reminder';
  return undefined;
}
