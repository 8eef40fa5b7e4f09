import type { Context, ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createScoreRefresherHandler } from '#functions/score-refresher/score-refresher.ts';
import type { ActivityOutbox } from '#shared/activity/activity-outbox.ts';
import type { EventPublisher, OutgoingEvent } from '#shared/activity/event-publisher.ts';
import { NOW } from '../../support/builders.ts';
import { InMemoryAdminViews } from '../../support/in-memory-admin-views.ts';
import { InMemoryContactRepository } from '../../support/in-memory-contact-repository.ts';
import { inMemoryJobs } from '../../support/in-memory-jobs.ts';
import { RecordingPublisher } from '../../support/recording-publisher.ts';
import { lambdaContext } from '../../support/signed-request.ts';

/** A bus that takes everything but "Contact Activity Recorded", as during a partial outage. */
class RefusingActivities implements EventPublisher {
  readonly accepted = new RecordingPublisher();

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (events.some((event) => event.contract.detailType === 'Contact Activity Recorded')) {
      throw new Error('PutEvents failed');
    }
    await this.accepted.publish(events);
  }
}

describe('scoreRefresher', () => {
  it('still re-scores the due contacts when the outbox relay fails, then fails the run for the alarm', async () => {
    const contacts = new InMemoryContactRepository();
    const events = new RefusingActivities();
    await contacts.recordActivity({
      contactId: 'c_due',
      profile: { email: 'due@acme-industries.com' },
      answers: {},
      activity: {
        activityId: 'a_1',
        contactId: 'c_due',
        type: 'whitepaper_download',
        channel: 'web-form',
        source: 'generic',
        occurredAt: NOW.toISOString(),
        recordedAt: NOW.toISOString(),
      },
    });
    contacts.rescoreDueAt.set('c_due', NOW.toISOString());
    const lost = { ...[...contacts.activities.values()].flat()[0] } as never;
    const outbox: ActivityOutbox = { unannounced: async () => [lost] };
    const clock = () => new Date(NOW.getTime() + 3_600_000);
    const jobs = inMemoryJobs({ clock, contacts });
    const jobRuntime = { ...jobs.runtime, bulk: { ...jobs.runtime.bulk, events } };
    const handler = createScoreRefresherHandler({
      contacts,
      events,
      outbox,
      schedule: new InMemoryAdminViews(contacts),
      clock,
      batchSize: 10,
      jobs: jobRuntime,
    });
    const context = { ...lambdaContext, getRemainingTimeInMillis: () => 50_000 } as Context;

    await expect(handler({} as ScheduledEvent, context)).rejects.toThrow('PutEvents failed');
    await jobs.signals.drain(jobRuntime);
    expect(events.accepted.ofType('Contact Scored')).toEqual([
      expect.objectContaining({ contactId: 'c_due' }),
    ]);
    expect(contacts.unannounced.has('a_1')).toBe(true);
  });
});
