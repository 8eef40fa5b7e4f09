import { describe, expect, it } from 'vitest';
import { owedNotice, planClose, planStart } from '#shared/follow-up/decide-follow-up.ts';
import { startFollowUp } from '#shared/follow-up/track-follow-ups.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { InMemoryFollowUpStore } from '../../support/in-memory-follow-up-store.ts';

const start = {
  contactId: 'c_1',
  kind: 'review',
  handOffId: 'r_1',
  ownerId: 'hugo-martin',
  startedAt: '2026-06-01T08:00:00.000Z',
  remindAt: '2026-06-01T11:00:00.000Z',
  dueAt: '2026-06-01T12:00:00.000Z',
} as const;

describe('follow-up decisions', () => {
  it('opens once per hand-off: a redelivered event changes nothing', () => {
    const opened = planStart(undefined, start);
    expect(opened).toEqual({ ...start, version: 0 });
    expect(planStart({ ...start, version: 1 }, start)).toBe('unchanged');
  });

  it('keeps a decision that arrived before its review request closed, whatever the order', () => {
    const closedFirst = planClose(undefined, 'c_1', 'review', '2026-06-01T09:00:00.000Z');
    expect(closedFirst).toEqual({
      contactId: 'c_1',
      kind: 'review',
      closedAt: '2026-06-01T09:00:00.000Z',
      version: 0,
    });
    const late = planStart({ ...(closedFirst as object), version: 1 } as never, start);
    expect(late).toMatchObject({ handOffId: 'r_1', closedAt: '2026-06-01T09:00:00.000Z' });
    expect(owedNotice(late as never, '2026-06-02T00:00:00.000Z')).toBeUndefined();
  });

  it('opens a new hand-off after an older one closed, and ignores an older one arriving late', () => {
    const closed = { ...start, closedAt: '2026-06-01T09:00:00.000Z', version: 2 };
    const next = { ...start, handOffId: 'r_2', startedAt: '2026-06-10T08:00:00.000Z' };
    expect(planStart(closed, next)).toMatchObject({ handOffId: 'r_2', version: 2 });
    expect(planStart({ ...next, version: 3 }, start)).toBe('unchanged');
    // A touch before the hand-off does not close it.
    expect(planClose({ ...next, version: 3 }, 'c_1', 'review', '2026-06-09T08:00:00.000Z')).toBe('unchanged');
  });

  it('owes a reminder before the deadline and an escalation after it, each once', () => {
    const open = { ...start, version: 1 };
    expect(owedNotice(open, '2026-06-01T10:59:00.000Z')).toBeUndefined();
    expect(owedNotice(open, '2026-06-01T11:00:00.000Z')).toBe('reminder');
    expect(owedNotice({ ...open, remindedAt: 'x' }, '2026-06-01T11:30:00.000Z')).toBeUndefined();
    expect(owedNotice({ ...open, remindedAt: 'x' }, '2026-06-01T12:00:00.000Z')).toBe('escalation');
    // Past due without a reminder sent (the schedule was down): the escalation, not a late reminder.
    expect(owedNotice(open, '2026-06-02T12:00:00.000Z')).toBe('escalation');
    expect(owedNotice({ ...open, escalatedAt: 'y' }, '2026-06-02T12:00:00.000Z')).toBeUndefined();
  });
});

describe('startFollowUp', () => {
  it("sets the deadline in the owner's business hours, and the fallback owner's calendar without an owner", async () => {
    const followUps = new InMemoryFollowUpStore();
    const deps = { followUps, routing: defaultRoutingConfig };
    // Friday 5 June 2026, 17:00 in Paris: one business hour left that day, three more on Monday.
    const opened = await startFollowUp(
      {
        contactId: 'c_1',
        kind: 'review',
        handOffId: 'r_1',
        at: '2026-06-05T15:00:00.000Z',
        ownerId: 'hugo-martin',
      },
      deps,
    );
    expect(opened).toMatchObject({ remindAt: '2026-06-08T09:00:00.000Z', dueAt: '2026-06-08T10:00:00.000Z' });
    // Sam Lee, the fallback, works 09:00–17:30 in London: a business day is 8.5 hours, so a
    // prospect qualified at the opening is due at the close.
    const prospect = await startFollowUp(
      { contactId: 'c_2', kind: 'first-touch', handOffId: 'q_1', at: '2026-06-01T08:00:00.000Z' },
      deps,
    );
    expect(prospect).toMatchObject({
      dueAt: '2026-06-01T16:30:00.000Z',
      remindAt: '2026-06-01T15:30:00.000Z',
    });
  });
});
