import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import { startWithClock, stopWithClock } from '../support/nurture-pipeline.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const answers = { budget: '40k', authority: 'I sign', need: 'lead scoring', timeline: 'Q3' };

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await startWithClock(NOW);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.setSystemTime(NOW);
});

afterAll(() => stopWithClock(pipeline));

/**
 * Fault injection: the next PutEvents carrying `detailType` fails as if the process had died between
 * the DynamoDB write and the put. The functions run in this process, so this reaches their clients.
 */
function failNextPutOf(detailType: string, times = 1): { failed: () => number } {
  const send = EventBridgeClient.prototype.send;
  let failed = 0;
  vi.spyOn(EventBridgeClient.prototype, 'send').mockImplementation(function (
    this: EventBridgeClient,
    ...args: Parameters<EventBridgeClient['send']>
  ) {
    const [command] = args;
    const carries =
      command instanceof PutEventsCommand &&
      command.input.Entries?.some((entry) => entry.DetailType === detailType);
    if (carries && failed < times) {
      failed += 1;
      return Promise.reject(new Error('injected fault: the process died before PutEvents'));
    }
    return (send as (...a: typeof args) => unknown).apply(this, args);
  } as EventBridgeClient['send']);
  return { failed: () => failed };
}

const deadLetters = async () =>
  (await (await fetch(`${pipeline.runtime.urls.gateway}/_local/dead-letters`)).json()) as {
    ruleName: string;
    errorMessage: string;
    event: { detail: Record<string, unknown> };
  }[];

describe('faults between the database write and PutEvents', () => {
  it('relays "Contact Activity Recorded" from the outbox when a browser form’s intake died after its write', async () => {
    const email = 'katherine@johnson-orbits.com';
    const fault = failNextPutOf('Contact Activity Recorded');
    // A browser form: the person sees an error page and moves on; nothing will retry.
    const response = await pipeline.request('POST', '/forms/html?form=contact', {
      body: new URLSearchParams({ email, entreprise: 'Johnson Orbits' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:8080' },
    });
    expect(fault.failed()).toBe(1);
    expect(response.status).toBe(500);
    await pipeline.settled();
    const contactId = contactIdFor(email);
    const recorded = async () =>
      (await pipeline.events('Contact Activity Recorded')).filter(
        (event) => event.detail.contactId === contactId,
      );
    expect(await recorded()).toEqual([]);
    const activity = (await pipeline.contactItems(contactId)).find((item) =>
      String(item.sk).startsWith('ACTIVITY#'),
    );
    expect(activity).toBeDefined();

    // Within the grace period the put may still be in flight: nothing is relayed yet.
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    expect(await recorded()).toEqual([]);

    vi.setSystemTime(new Date(NOW.getTime() + 3 * 60_000));
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    expect((await recorded()).map((event) => event.detail.activityId)).toEqual([activity?.activityId]);
    expect((await pipeline.profile(email))?.score).toMatchObject({ total: expect.any(Number) });

    // Relayed once: the next run finds nothing left.
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    expect(await recorded()).toHaveLength(1);
  });

  it('announces "Prospect Qualified" exactly once when the scorer died after saving the stage', async () => {
    const email = 'dorothy@vaughan-compute.com';
    const fault = failNextPutOf('Prospect Qualified');
    const response = await pipeline.postForm({
      email,
      formType: 'demo',
      company: 'Vaughan Compute',
      jobTitle: 'Head of Sales',
      answers,
    });
    expect(response.status).toBe(202);
    await pipeline.settled();
    expect(fault.failed()).toBe(1);
    const qualified = async () =>
      (await pipeline.events('Prospect Qualified')).filter(
        (event) => event.detail.contact.contactId === response.body.contactId,
      );
    // The bus retried the scorer at once; a hand-off this fresh may still be in flight elsewhere, so
    // it is re-announced after a minute, by the next re-score or the scheduled refresher.
    vi.setSystemTime(new Date(NOW.getTime() + 2 * 60_000));
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    expect(await qualified()).toHaveLength(1);
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    expect(await qualified()).toHaveLength(1);
    expect((await pipeline.profile(email))?.qualification?.announcedAt).toBeDefined();
    expect(await deadLetters()).toEqual([]);
  });

  it('shows "qualified, announcement pending" with the cause while the hand-off keeps failing, until it goes out', async () => {
    const email = 'katherine@johnson-orbits.com';
    const fault = failNextPutOf('Prospect Qualified', 3);
    const response = await pipeline.postForm({
      email,
      formType: 'demo',
      company: 'Johnson Orbits',
      jobTitle: 'Head of Sales',
      answers,
    });
    expect(response.status).toBe(202);
    await pipeline.settled();
    const contactView = async () =>
      (await pipeline.admin('GET', `/admin/contacts?email=${encodeURIComponent(email)}`)).body.contact;
    for (const minutes of [2, 10]) {
      vi.setSystemTime(new Date(NOW.getTime() + minutes * 60_000));
      await pipeline.refreshStaleScores();
      await pipeline.settled();
    }
    // The scorer's put, then the refresher's after 1 and after 4 more minutes (the delay grows).
    expect(fault.failed()).toBe(3);
    expect((await contactView()).announcementPending).toMatchObject({
      kind: 'qualification',
      attempts: 3,
      lastFailure: { reason: 'Error while putting the event' },
    });
    expect((await contactView()).stage).toBe('prospect');

    vi.setSystemTime(new Date(NOW.getTime() + 6 * 60 * 60_000));
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    const qualified = (await pipeline.events('Prospect Qualified')).filter(
      (event) => event.detail.contact.contactId === response.body.contactId,
    );
    expect(qualified).toHaveLength(1);
    expect((await contactView()).announcementPending).toBeUndefined();
  });
});

describe('poison events', () => {
  it('dead-letter a malformed event with its reason while the events around it are handled', async () => {
    const email = 'mary@jackson-wind.com';
    expect((await pipeline.postForm({ email, formType: 'newsletter' })).status).toBe(202);
    await pipeline.settled();
    const contactId = contactIdFor(email);
    await pipeline.putEvent('leadflow', 'Contact Activity Recorded', { version: 1, contactId: 42 });
    expect((await pipeline.postForm({ email, formType: 'whitepaper' })).status).toBe(202);
    await pipeline.settled();

    const poisoned = (await deadLetters()).filter((letter) => letter.event.detail.contactId === 42);
    expect(poisoned).toEqual([
      expect.objectContaining({
        ruleName: 'ScoreOnActivity',
        errorMessage: expect.stringMatching(/contactId/),
      }),
    ]);
    const scored = (await pipeline.events('Contact Scored')).filter(
      (event) => event.detail.contactId === contactId,
    );
    expect(scored.length).toBeGreaterThanOrEqual(2);
    expect((await pipeline.profile(email))?.activityCount).toBe(2);
  });
});
