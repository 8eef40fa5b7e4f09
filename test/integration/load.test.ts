import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { classifyEmail } from '#shared/contact/email-classification.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { scoreContact } from '#shared/scoring/score-contact.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import { startWithClock, stopWithClock } from '../support/nurture-pipeline.ts';

const consent = { granted: true, purpose: 'newsletter' };
const FORM_KINDS = ['whitepaper', 'webinar', 'newsletter', 'contact'] as const;
const SIGNALS = 50;

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await startWithClock(new Date('2026-03-02T09:00:00.000Z'));
});

afterAll(() => stopWithClock(pipeline));

/**
 * Concurrency through DynamoDB Local: the intake transaction is conditional on the activity id and
 * the scorer's write is optimistic on the contact version, so racing writers neither lose nor
 * double-count anything.
 */
describe('one contact under load', () => {
  it(`records ${SIGNALS} signals sent at once, and the stored score is a fresh recomputation`, async () => {
    const email = 'edsger@dijkstra-systems.com';
    expect((await pipeline.postForm({ email, formType: 'newsletter', consent })).status).toBe(202);
    await pipeline.settled();

    const sent = await Promise.all(
      Array.from({ length: SIGNALS }, async (_, index) => {
        if (index % 2 === 0) {
          const formType = FORM_KINDS[index % FORM_KINDS.length];
          return (await pipeline.postForm({ email, formType, consent })).status;
        }
        await pipeline.recordSignal(email, { type: 'page_visited', channel: 'website', page: `/p/${index}` });
        return 202;
      }),
    );
    expect(sent).toEqual(sent.map(() => 202));
    await pipeline.settled();

    const items = await pipeline.contactItems(contactIdFor(email));
    const activities = items.filter((item) => String(item.sk).startsWith('ACTIVITY#'));
    const profile = items.find((item) => item.sk === 'PROFILE');
    expect(activities).toHaveLength(SIGNALS + 1);
    expect(profile?.activityCount).toBe(SIGNALS + 1);
    const fresh = scoreContact(
      { contact: { answers: {} }, email: classifyEmail(email), activities: activities as never },
      defaultScoringModel,
      new Date(profile?.score.scoredAt),
    );
    expect(profile?.score.total).toBe(fresh.total);
    expect(await deadLetters()).toEqual([]);
    // Every event went out, so the outbox kept nothing for the relay.
    expect((await pipeline.allItems()).filter((item) => item.entity === 'outbox')).toEqual([]);
  });

  it('records two concurrent deliveries of one submission once', async () => {
    const email = 'tony@hoare-logic.com';
    const [first, second] = await Promise.all([
      pipeline.postForm({ email, formType: 'whitepaper', consent }, { id: 'msg_concurrent_1' }),
      pipeline.postForm({ email, formType: 'whitepaper', consent }, { id: 'msg_concurrent_1' }),
    ]);
    expect([first?.status, second?.status]).toEqual([202, 202]);
    expect([first?.body.duplicate, second?.body.duplicate].sort()).toEqual([false, true]);
    expect(first?.body.activityId).toBe(second?.body.activityId);
    await pipeline.settled();

    const items = await pipeline.contactItems(contactIdFor(email));
    expect(items.filter((item) => String(item.sk).startsWith('ACTIVITY#'))).toHaveLength(1);
    expect(items.find((item) => item.sk === 'PROFILE')?.activityCount).toBe(1);
  });
});

async function deadLetters(): Promise<unknown[]> {
  return (await (await fetch(`${pipeline.runtime.urls.gateway}/_local/dead-letters`)).json()) as unknown[];
}
