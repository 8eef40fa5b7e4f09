import { beforeEach, describe, expect, it } from 'vitest';
import { type DetailOf, parseDetail } from '#events/contract.ts';
import { sesEmailBounced, sesEmailClicked, sesEmailOpened } from '#events/ses-email-events.ts';
import { emptyNurtureState } from '#shared/nurture/nurture-state.ts';
import { recordMailFeedback } from '#shared/nurture/record-mail-feedback.ts';
import { aContact } from '../../support/builders.ts';
import { nurtureFakes } from '../../support/nurture-fakes.ts';

const SENT = new Date('2026-03-02T10:00:00.000Z');
let fakes: ReturnType<typeof nurtureFakes>;
let deps: Parameters<typeof recordMailFeedback>[1];

/** The `mail` object of an SES event for an email we sent c_1 (tags echoed back as arrays). */
const mail = (tags: Record<string, string[]> = { contactId: ['c_1'], sentAt: [String(SENT.getTime())] }) => ({
  timestamp: SENT.toISOString(),
  source: 'leads@example.com',
  messageId: 'm-1',
  destination: ['jane@acme-industries.com'],
  tags: { 'ses:configuration-set': ['leadflow-dev'], ...tags },
});
const bounce = (bounceType: string): DetailOf<typeof sesEmailBounced> =>
  parseDetail(sesEmailBounced, {
    source: 'aws.ses',
    'detail-type': 'Email Bounced',
    detail: {
      eventType: 'Bounce',
      mail: mail(),
      bounce: {
        bounceType,
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'jane@acme-industries.com' }],
        timestamp: '2026-03-02T10:01:00.000Z',
      },
    },
  });

const onBounce = (bounceType: string) =>
  recordMailFeedback({ detailType: 'Email Bounced', detail: bounce(bounceType) }, deps);

beforeEach(async () => {
  fakes = nurtureFakes(new Date('2026-03-02T10:05:00.000Z'));
  deps = { ...fakes.deps, events: fakes.events, ledgerFor: () => fakes.ledger };
  fakes.contacts.contacts.set('c_1', aContact());
  await fakes.store.save(
    {
      ...emptyNurtureState('c_1'),
      status: 'active',
      track: 'whitepaper-follow-up',
      dueAt: '2026-03-05T10:00:00.000Z',
    },
    0,
  );
  await fakes.store.recordEmail('c_1', {
    messageId: 'm-1',
    template: 'whitepaper-follow-up',
    kind: 'nurture',
    locale: 'en',
    sentAt: SENT.toISOString(),
    outcome: 'sent',
  });
});

describe('recordMailFeedback', () => {
  it('suppresses the address on a permanent bounce, records it and re-scores', async () => {
    expect(await onBounce('Permanent')).toMatchObject({
      outcome: 'recorded',
      emailOutcome: 'bounced',
      suppressed: 'hard-bounce',
      activity: 'email_bounced',
    });
    expect(await fakes.store.load('c_1')).toMatchObject({
      suppression: { reason: 'hard-bounce' },
      status: 'stopped',
      dueAt: undefined,
    });
    expect(fakes.store.emailsOf('c_1')[0]).toMatchObject({
      outcome: 'bounced',
      bouncedAt: '2026-03-02T10:01:00.000Z',
    });
    expect(fakes.events.ofType('Contact Activity Recorded')).toEqual([
      expect.objectContaining({ contactId: 'c_1', activityType: 'email_bounced' }),
    ]);
  });

  it('only notes a transient bounce', async () => {
    expect(await onBounce('Transient')).toEqual({
      outcome: 'recorded',
      contactId: 'c_1',
      emailOutcome: 'soft-bounced',
    });
    expect((await fakes.store.load('c_1')).suppression).toBeUndefined();
    expect(fakes.events.published).toEqual([]);
  });

  it('records one open per email however often it is opened, and one click per link', async () => {
    const open = parseDetail(sesEmailOpened, {
      source: 'aws.ses',
      'detail-type': 'Email Opened',
      detail: {
        eventType: 'Open',
        mail: mail(),
        open: { timestamp: '2026-03-02T11:00:00.000Z', userAgent: 'x', ipAddress: '192.0.2.1' },
      },
    });
    const click = (link: string) =>
      parseDetail(sesEmailClicked, {
        source: 'aws.ses',
        'detail-type': 'Email Clicked',
        detail: {
          eventType: 'Click',
          mail: mail(),
          click: { timestamp: '2026-03-02T11:01:00.000Z', link, linkTags: {} },
        },
      });
    await recordMailFeedback({ detailType: 'Email Opened', detail: open }, deps);
    await recordMailFeedback(
      { detailType: 'Email Opened', detail: { ...open, open: { timestamp: '2026-03-02T12:00:00.000Z' } } },
      deps,
    );
    await recordMailFeedback({ detailType: 'Email Clicked', detail: click('https://a.example') }, deps);
    await recordMailFeedback({ detailType: 'Email Clicked', detail: click('https://a.example') }, deps);
    await recordMailFeedback({ detailType: 'Email Clicked', detail: click('https://b.example') }, deps);
    const types = (fakes.contacts.activities.get('c_1') ?? []).map((activity) => activity.type);
    expect(types.sort()).toEqual(['email_clicked', 'email_clicked', 'email_opened']);
    expect(fakes.store.emailsOf('c_1')[0]).toMatchObject({
      outcome: 'clicked',
      openedAt: '2026-03-02T11:00:00.000Z',
    });
  });

  it('ignores internal emails, which carry no contact tag, and contacts that are gone', async () => {
    const internal = { ...bounce('Permanent'), mail: mail({}) };
    expect(await recordMailFeedback({ detailType: 'Email Bounced', detail: internal }, deps)).toEqual({
      outcome: 'ignored',
      reason: 'not-a-contact-email',
    });
    fakes.contacts.contacts.delete('c_1');
    expect(
      await recordMailFeedback({ detailType: 'Email Bounced', detail: bounce('Permanent') }, deps),
    ).toEqual({
      outcome: 'ignored',
      reason: 'unknown-contact',
    });
  });
});
