import { beforeEach, describe, expect, it } from 'vitest';
import { notifySales } from '#shared/notify/notify-sales.ts';
import { notificationRecipients } from '#shared/notify/recipients.ts';
import type { OutgoingEmail } from '#shared/nurture/mailer.ts';
import { decideReview } from '#shared/review/decide-review.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryNoticeLog } from '../../support/in-memory-admin-views.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { inMemoryOwnerRouting } from '../../support/in-memory-owner-routing.ts';
import { CountingRateLimiter } from '../../support/nurture-fakes.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { submitAndScore } from '../../support/scored-submission.ts';

let contacts: InMemoryContactRepository;
let events: RecordingPublisher;
let owners: ReturnType<typeof inMemoryOwnerRouting>;
const deps = () => ({ contacts, events, owners, clock: () => NOW, model: defaultScoringModel });

function demoRequest(email: string, country: string): Promise<string> {
  const submission = {
    email,
    formType: 'demo',
    firstName: 'Ada',
    company: 'Acme',
    jobTitle: 'CTO',
    country,
  } as const;
  return submitAndScore(submission, deps());
}

beforeEach(() => {
  contacts = new InMemoryContactRepository();
  events = new RecordingPublisher();
  owners = inMemoryOwnerRouting();
});

describe('owners of hand-offs', () => {
  it('names the owner in "Lead Review Requested", and keeps them when the review is accepted', async () => {
    const contactId = await demoRequest('ada@acme-industries.com', 'Germany');
    const [requested] = events.ofType('Lead Review Requested');
    expect(requested).toMatchObject({
      owner: { id: 'hugo-martin', name: 'Hugo Martin', email: 'hugo.martin@seller.example', team: 'emea' },
    });
    expect(contacts.contacts.get(contactId)?.owner).toMatchObject({
      personId: 'hugo-martin',
      by: 'routing:emea',
    });

    // Another German lead gets the next member of the team.
    await demoRequest('bea@bauer-maschinen.de', 'DE');
    expect(events.ofType('Lead Review Requested')[1]).toMatchObject({ owner: { id: 'lena-schmidt' } });

    await decideReview(contactId, { decision: 'accept', reviewer: 'hugo.martin@seller.example' }, deps());
    expect(events.ofType('Prospect Qualified')[0]).toMatchObject({ owner: { id: 'hugo-martin' } });
    expect(owners.turns.get('emea')).toBe(2);
  });

  it('emails the owner and copies the team, the owner named in the email', async () => {
    await demoRequest('ada@acme-industries.com', 'FR');
    const sent: OutgoingEmail[] = [];
    const notice = { kind: 'review-requested', detail: events.ofType('Lead Review Requested')[0] } as never;
    await notifySales(
      notice,
      {
        notices: new InMemoryNoticeLog(),
        rateLimiter: new CountingRateLimiter(),
        clock: () => NOW,
        recipients: notificationRecipients({
          LEADFLOW_SALES_NOTIFY: 'sales@seller.example, hugo.martin@seller.example',
        }),
        settings: { locale: 'en', timeZone: 'UTC' },
        slotWaitMs: 20_000,
        mailer: {
          async send(email: OutgoingEmail) {
            sent.push(email);
            return { messageId: `m_${sent.length}` };
          },
        },
      },
      { endsAt: NOW.getTime() + 10_000 },
    );
    expect(sent.map((email) => email.to)).toEqual(['hugo.martin@seller.example', 'sales@seller.example']);
    expect(sent[0]?.text).toContain('Lead waiting for your review, assigned to Hugo Martin');
  });
});
