import { describe, expect, it } from 'vitest';
import type { Activity } from '#shared/activity/activity.ts';
import type { Contact } from '#shared/contact/contact.ts';
import { defaultNurtureConfig as config } from '#shared/nurture/default-config.ts';
import { emptyNurtureState, type NurtureState } from '#shared/nurture/nurture-state.ts';
import { planEnrollment } from '#shared/nurture/plan-enrollment.ts';
import { aContact, anActivity } from '../../support/builders.ts';
import { consentGiven } from '../../support/nurture-fakes.ts';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const at = NOW.toISOString();
const consent = consentGiven(NOW);
const enroll = (contact: Partial<Contact>, state: Partial<NurtureState> = {}, activities: Activity[] = []) =>
  planEnrollment({
    contact: aContact({ consent, ...contact }),
    activities,
    state: { ...emptyNurtureState('c_1'), ...state },
    config,
    now: NOW,
  });

describe('planEnrollment', () => {
  it('enters a lead in the track of its strongest interest, due at once', () => {
    expect(enroll({ interest: 'webinar' })).toMatchObject({
      status: 'active',
      track: 'webinar-follow-up',
      step: 0,
      enteredAt: at,
      dueAt: at,
    });
  });

  it('asks a consent-based newsletter signup to confirm', () => {
    const signup = [anActivity('newsletter_signup', at, 'newsletter')];
    expect(enroll({ interest: 'newsletter' }, {}, signup)).toMatchObject({
      track: 'newsletter-welcome',
      optIn: { status: 'pending', requestedAt: at },
    });
  });

  it('never re-enters a completed track, nor moves to a weaker one', () => {
    expect(
      enroll(
        { interest: 'webinar' },
        { track: 're-engagement', status: 'active', completedTracks: ['webinar-follow-up'] },
      ),
    ).toBeUndefined();
    expect(
      enroll({ interest: 'newsletter' }, { track: 'webinar-follow-up', status: 'active' }),
    ).toBeUndefined();
  });

  it('resumes a track stopped for a reason that went away', () => {
    expect(
      enroll(
        { interest: 'webinar' },
        { track: 'webinar-follow-up', status: 'stopped', stopReason: 'no-lawful-basis', step: 1 },
      ),
    ).toMatchObject({
      status: 'active',
      step: 1,
      dueAt: at,
    });
  });

  it('keeps an unsubscribe unless the person signs up to the newsletter again, and then asks to confirm anew', () => {
    const unsubscribed = {
      track: 'whitepaper-follow-up',
      status: 'stopped' as const,
      stopReason: 'unsubscribed',
      suppression: { reason: 'unsubscribed' as const, at: '2026-03-01T10:00:00.000Z' },
      optIn: {
        status: 'confirmed' as const,
        requestedAt: '2026-02-01T10:00:00.000Z',
        confirmedAt: '2026-02-01T11:00:00.000Z',
      },
    };
    expect(
      enroll({ interest: 'whitepaper' }, unsubscribed, [anActivity('whitepaper_download', at, 'whitepaper')]),
    ).toBeUndefined();
    expect(
      enroll({ interest: 'whitepaper' }, unsubscribed, [anActivity('newsletter_signup', at, 'newsletter')]),
    ).toMatchObject({
      suppression: undefined,
      status: 'active',
      optIn: { status: 'pending', requestedAt: at },
      dueAt: at,
    });
  });

  it('never lifts a hard bounce or a complaint', () => {
    for (const reason of ['hard-bounce', 'complaint'] as const) {
      const state = { suppression: { reason, at: '2026-03-01T10:00:00.000Z' } };
      expect(
        enroll({ interest: 'newsletter' }, state, [anActivity('newsletter_signup', at, 'newsletter')]),
      ).toBeUndefined();
    }
  });

  it('enrolls nobody without a lawful basis', () => {
    expect(enroll({ interest: 'webinar', consent: undefined })).toBeUndefined();
  });

  it('holds a lead an import brought in until it does something after the import', () => {
    const importHold = { at: '2026-03-01T00:00:00.000Z', importId: 'imp_1' };
    const imported = [
      anActivity('webinar_attended', '2025-10-01T00:00:00.000Z', undefined, { channel: 'import' }),
    ];
    expect(enroll({ interest: 'webinar' }, { importHold }, imported)).toBeUndefined();
    const afterImport = [...imported, anActivity('webinar_registration', at, 'webinar')];
    expect(enroll({ interest: 'webinar' }, { importHold }, afterImport)).toMatchObject({
      track: 'webinar-follow-up',
    });
  });
});
