import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scheduledEvent } from '#infra/local/scheduler.ts';
import { DIGEST_RECIPIENTS_ENV, parseRecipients } from '#shared/digest/send-daily-digest.ts';
import type { LocalPipeline } from '../support/local-pipeline.ts';
import { mailsTo, startWithClock, stopWithClock } from '../support/nurture-pipeline.ts';

const answers = { budget: '40k€', authority: 'I sign', need: 'qualify leads', timeline: 'next quarter' };
const DIGEST_RECIPIENTS = 'marketing@example.com, sales@example.com';
const recipients = parseRecipients(DIGEST_RECIPIENTS);
let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await startWithClock(new Date('2026-03-02T09:00:00.000Z'), {
    [DIGEST_RECIPIENTS_ENV]: DIGEST_RECIPIENTS,
  });
});

afterAll(() => stopWithClock(pipeline));

const runDigest = async () => {
  await pipeline.runtime.invoke(
    'dailyDigest',
    scheduledEvent({
      ruleName: 'SendDailyDigest',
      time: new Date(),
      region: 'us-east-1',
      accountId: '000000000000',
    }),
  );
};

describe('the daily digest on the local runtime', () => {
  it("sends yesterday's new prospects and leads to marketing and sales the next morning, once", async () => {
    await pipeline.postForm({
      email: 'ada@lovelace-analytics.com',
      formType: 'demo',
      firstName: 'Ada',
      company: 'Lovelace Analytics',
      answers,
    });
    await pipeline.postForm({ email: 'grace@hopper-systems.io', formType: 'whitepaper', firstName: 'Grace' });
    await pipeline.settled();
    // A second signal from a known lead the same day does not list it twice.
    await pipeline.postForm({ email: 'grace@hopper-systems.io', formType: 'webinar' });
    await pipeline.settled();

    vi.setSystemTime(new Date('2026-03-03T07:00:00.000Z'));
    await runDigest();
    await runDigest();
    expect(recipients).toEqual(['marketing@example.com', 'sales@example.com']);
    for (const address of recipients) {
      const digests = await mailsTo(pipeline, address);
      expect(digests).toHaveLength(1);
      expect(digests[0]?.subject).toBe('leadflow daily digest for 2026-03-02: 1 new prospects, 1 new leads');
      expect(digests[0]?.body.text).toContain('Ada (Lovelace Analytics) <ada@lovelace-analytics.com>');
      expect(digests[0]?.body.text).toContain('Grace (—) <grace@hopper-systems.io>');
    }
  });
});
