import { describe, expect, it } from 'vitest';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { defaultNurtureConfig as config } from '#shared/nurture/default-config.ts';
import { emptyNurtureState, type NurtureState } from '#shared/nurture/nurture-state.ts';
import { planDelivery } from '#shared/nurture/plan-delivery.ts';
import { aContact, anActivity } from '../../support/builders.ts';
import { consentGiven, legitimateInterest } from '../../support/nurture-fakes.ts';

/** Monday 2 March 2026, 11:00 in Paris: inside sending hours. */
const NOW = new Date('2026-03-02T10:00:00.000Z');
const at = (iso: string) => new Date(iso);
const legitimate = legitimateInterest(NOW);
const consent = consentGiven(NOW);

const contact = (overrides: Partial<Contact> = {}) =>
  aContact({ consent: legitimate, interest: 'whitepaper', country: 'FR', ...overrides });
const inTrack = (overrides: Partial<NurtureState> = {}): NurtureState => ({
  ...emptyNurtureState('c_1'),
  version: 1,
  status: 'active',
  track: 'whitepaper-follow-up',
  step: 0,
  enteredAt: NOW.toISOString(),
  dueAt: NOW.toISOString(),
  ...overrides,
});
const whitepaper = [anActivity('whitepaper_download', NOW.toISOString(), 'whitepaper')];
const plan = (
  options: { contact?: Contact; state?: NurtureState; activities?: Activity[]; now?: Date } = {},
) =>
  planDelivery({
    contact: options.contact ?? contact(),
    activities: options.activities ?? whitepaper,
    state: options.state ?? inTrack(),
    config,
    now: options.now ?? NOW,
  });

describe('planDelivery: a track’s steps in order and on time', () => {
  it('sends the first step at once and schedules the next one after its delay', () => {
    const first = plan();
    expect(first).toMatchObject({
      kind: 'send',
      email: { kind: 'nurture', template: 'whitepaper-follow-up', track: 'whitepaper-follow-up', step: 0 },
      next: { step: 1, lastSentAt: NOW.toISOString(), dueAt: '2026-03-05T10:00:00.000Z' },
    });
  });

  it('does nothing before a step is due', () => {
    const state = inTrack({ step: 1, lastSentAt: NOW.toISOString(), dueAt: '2026-03-05T10:00:00.000Z' });
    expect(plan({ state, now: at('2026-03-05T09:59:59.000Z') })).toEqual({ kind: 'not-due' });
  });

  it('sends the last step, completes the track and schedules the follow-up track', () => {
    const state = inTrack({
      step: 1,
      lastSentAt: NOW.toISOString(),
      recentSends: [NOW.toISOString()],
      dueAt: '2026-03-05T10:00:00.000Z',
    });
    const result = plan({ state, now: at('2026-03-05T10:00:00.000Z') });
    expect(result).toMatchObject({
      kind: 'send',
      email: { template: 'whitepaper-case-studies', step: 1 },
      next: {
        track: 're-engagement',
        step: 0,
        completedTracks: ['whitepaper-follow-up'],
        dueAt: '2026-04-19T10:00:00.000Z',
      },
    });
  });

  it('skips a step whose condition does not hold, and one whose skip condition does', () => {
    const webinar = inTrack({
      track: 'webinar-follow-up',
      step: 1,
      lastSentAt: NOW.toISOString(),
      dueAt: '2026-03-04T10:00:00.000Z',
    });
    const registered = [anActivity('webinar_registration', NOW.toISOString(), 'webinar')];
    const later = at('2026-03-04T10:00:00.000Z');
    // Not attended: the recording step is skipped and "sorry we missed you" goes out instead.
    expect(plan({ state: webinar, activities: registered, now: later })).toMatchObject({
      kind: 'send',
      email: { template: 'webinar-missed', step: 2 },
    });
    // Attended: the recording goes out, and "we missed you" will be skipped.
    const attended = [...registered, anActivity('webinar_attended', '2026-03-03T15:00:00.000Z')];
    expect(plan({ state: webinar, activities: attended, now: later })).toMatchObject({
      kind: 'send',
      email: { template: 'webinar-recording', step: 1 },
    });
  });

  it('ends a track whose remaining steps are all skipped', () => {
    const state = inTrack({ step: 1, lastSentAt: NOW.toISOString(), dueAt: '2026-03-05T10:00:00.000Z' });
    const demo = [...whitepaper, anActivity('demo_request', '2026-03-03T10:00:00.000Z', 'demo')];
    expect(plan({ state, activities: demo, now: at('2026-03-05T10:00:00.000Z') })).toMatchObject({
      kind: 'wait',
      reason: 'next-track',
      next: { track: 're-engagement' },
    });
  });
});

describe('planDelivery: each guardrail blocks what it should', () => {
  it.each([
    ['unsubscribed', { suppression: { reason: 'unsubscribed', at: NOW.toISOString() } }],
    ['hard-bounce', { suppression: { reason: 'hard-bounce', at: NOW.toISOString() } }],
    ['complaint', { suppression: { reason: 'complaint', at: NOW.toISOString() } }],
  ] as const)('stops for good on suppression: %s', (reason, changes) => {
    expect(plan({ state: inTrack(changes) })).toMatchObject({
      kind: 'stop',
      reason,
      next: { status: 'stopped' },
    });
    expect((plan({ state: inTrack(changes) }) as { next: NurtureState }).next.dueAt).toBeUndefined();
  });

  it.each(['prospect', 'customer', 'disqualified'] as const)('stops when the contact became %s', (stage) => {
    expect(plan({ contact: contact({ stage }) })).toMatchObject({ kind: 'stop', reason: `stage-${stage}` });
  });

  it('pauses while the contact waits for sales review', () => {
    expect(plan({ contact: contact({ stage: 'review' }) })).toMatchObject({
      kind: 'wait',
      reason: 'stage-paused',
      next: { dueAt: '2026-03-03T10:00:00.000Z' },
    });
  });

  it('pauses a track without entry stages (re-engagement) while the contact waits for review', () => {
    const reEngaging = inTrack({ track: 're-engagement' });
    const longAgo = [anActivity('whitepaper_download', '2025-12-01T10:00:00.000Z', 'whitepaper')];
    expect(
      plan({ contact: contact({ stage: 'review' }), state: reEngaging, activities: longAgo }),
    ).toMatchObject({
      kind: 'wait',
      reason: 'stage-paused',
      next: { track: 're-engagement', dueAt: '2026-03-03T10:00:00.000Z' },
    });
    expect(plan({ state: reEngaging, activities: longAgo })).toMatchObject({
      kind: 'send',
      email: { track: 're-engagement' },
    });
  });

  it('stops without a lawful basis', () => {
    expect(plan({ contact: contact({ consent: undefined }) })).toMatchObject({
      kind: 'stop',
      reason: 'no-lawful-basis',
    });
    expect(plan({ contact: contact({ consent: { ...consent, granted: false } }) })).toMatchObject({
      kind: 'stop',
      reason: 'no-lawful-basis',
    });
  });

  it('stops when the person left the track’s topic', () => {
    expect(plan({ state: inTrack({ unsubscribedTopics: ['resources'] }) })).toMatchObject({
      kind: 'stop',
      reason: 'topic-unsubscribed',
    });
  });

  it('waits for 8 a.m. in the contact’s time zone', () => {
    // 03:00 in Paris; 21:00 the evening before in New York.
    const night = at('2026-03-02T02:00:00.000Z');
    expect(
      plan({ now: night, state: inTrack({ dueAt: night.toISOString(), enteredAt: night.toISOString() }) }),
    ).toMatchObject({
      kind: 'wait',
      reason: 'quiet-hours',
      next: { dueAt: '2026-03-02T07:00:00.000Z' },
    });
    const newYork = plan({
      now: night,
      contact: contact({ country: 'US' }),
      state: inTrack({ dueAt: night.toISOString(), enteredAt: night.toISOString() }),
    });
    expect(newYork).toMatchObject({ kind: 'wait', reason: 'quiet-hours' });
    // 08:00 in Honolulu, the last of the United States to wake up.
    expect((newYork as { next: NurtureState }).next.dueAt).toBe('2026-03-02T18:00:00.000Z');
  });

  it('holds an email back when the frequency cap across tracks is reached, until the oldest send ages out', () => {
    const recentSends = ['2026-02-25T12:00:00.000Z', '2026-02-28T09:00:00.000Z'];
    expect(plan({ state: inTrack({ recentSends }) })).toMatchObject({
      kind: 'wait',
      reason: 'frequency-cap',
      next: { dueAt: '2026-03-04T12:00:00.000Z' },
    });
    // Sends older than the window do not count.
    expect(
      plan({ state: inTrack({ recentSends: ['2026-02-20T12:00:00.000Z', recentSends[1] ?? ''] }) }),
    ).toMatchObject({
      kind: 'send',
    });
  });
});

describe('planDelivery: double opt-in', () => {
  const newsletter = [anActivity('newsletter_signup', NOW.toISOString(), 'newsletter')];
  const subscriber = contact({ consent, interest: 'newsletter' });
  const welcome = inTrack({
    track: 'newsletter-welcome',
    optIn: { status: 'pending', requestedAt: NOW.toISOString() },
  });

  it('sends the confirmation first and nothing else, even at night and over the cap', () => {
    const night = at('2026-03-02T02:00:00.000Z');
    const result = plan({
      contact: subscriber,
      activities: newsletter,
      state: {
        ...welcome,
        dueAt: night.toISOString(),
        recentSends: [night.toISOString(), night.toISOString()],
      },
      now: night,
    });
    expect(result).toMatchObject({
      kind: 'send',
      email: { kind: 'confirmation', template: 'subscription-confirmation' },
      next: { optIn: { status: 'pending', confirmationSentAt: night.toISOString() }, step: 0 },
    });
    expect((result as { next: NurtureState }).next.dueAt).toBeUndefined();
  });

  it('holds every other email until the person confirms', () => {
    const sent = {
      ...welcome,
      optIn: {
        status: 'pending' as const,
        requestedAt: NOW.toISOString(),
        confirmationSentAt: NOW.toISOString(),
      },
    };
    expect(plan({ contact: subscriber, activities: newsletter, state: sent })).toMatchObject({
      kind: 'wait',
      reason: 'awaiting-confirmation',
    });
    const confirmed = {
      ...welcome,
      optIn: { ...sent.optIn, status: 'confirmed' as const, confirmedAt: NOW.toISOString() },
    };
    expect(plan({ contact: subscriber, activities: newsletter, state: confirmed })).toMatchObject({
      kind: 'send',
      email: { kind: 'nurture', template: 'newsletter-welcome' },
    });
  });

  it('is not asked of a signup resting on legitimate interest', () => {
    expect(
      plan({
        contact: contact({ interest: 'newsletter' }),
        activities: newsletter,
        state: inTrack({ track: 'newsletter-welcome' }),
      }),
    ).toMatchObject({ kind: 'send', email: { kind: 'nurture' } });
  });
});
