import { beforeEach, describe, expect, it } from 'vitest';
import { progressOf } from '#shared/bulk/bulk-job.ts';
import type { JobSignals, PieceRef } from '#shared/bulk/job-runtime.ts';
import { runPiece } from '#shared/bulk/run-piece.ts';
import { startJob } from '#shared/bulk/start-job.ts';
import { QUIET_AFTER_MS, STALLED_AFTER_MS, sweepJobs } from '#shared/bulk/sweep-jobs.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { simulateModel } from '#shared/scoring/simulate-model.ts';
import { NOW } from '../../support/builders.ts';
import { type InMemoryJobs, inMemoryJobs } from '../../support/in-memory-jobs.ts';

const answers = { budget: '40k', authority: 'I sign', need: 'lead scoring', timeline: 'Q3' };
let jobs: InMemoryJobs;
let now: Date;
const plenty = () => 100_000;

async function submit(email: string, formType: 'demo' | 'newsletter', extra: Record<string, unknown> = {}) {
  await recordFormSubmission(
    { source: 'generic', deliveryId: email, email, submission: { email, formType, ...extra } },
    { contacts: jobs.contacts, events: jobs.events, clock: () => now },
  );
}

/** Seven contacts never scored: two ready for sales, five newsletter readers. */
async function seed() {
  await submit('ada@lovelace-analytics.com', 'demo', {
    company: 'Lovelace',
    jobTitle: 'Head of Sales',
    answers,
  });
  await submit('grace@hopper-compilers.com', 'demo', {
    company: 'Hopper',
    jobTitle: 'VP Marketing',
    answers,
  });
  for (const name of ['a', 'b', 'c', 'd', 'e']) await submit(`${name}@acme-industries.com`, 'newsletter');
}

/** A runtime whose handed-on pieces are only noted, for a test to run them one by one. */
function holdingPieces() {
  const handedOn: PieceRef[] = [];
  const signals: JobSignals = {
    handOn: async (pieces) => void handedOn.push(...pieces),
    finished: async () => {},
  };
  return { handedOn, runtime: { ...jobs.runtime, signals } };
}

beforeEach(() => {
  now = NOW;
  jobs = inMemoryJobs({ clock: () => now });
});

describe('a bulk job', () => {
  it('fans out, hands each continuation on, and finishes with one summary', async () => {
    jobs = inMemoryJobs({ clock: () => now, pagesPerPiece: 1 });
    await seed();
    const job = await startJob({ kind: 'rescore-all', createdBy: 'test' }, jobs.runtime);
    expect(job).toMatchObject({ segments: 3, estimate: 7, status: 'running' });
    await jobs.signals.drain(jobs.runtime);

    const finished = jobs.store.jobs.get(job.jobId);
    expect(finished).toMatchObject({ status: 'done', done: 7, failed: 0, segmentsDone: 3 });
    expect(finished?.result).toMatchObject({ rescored: 7, gone: 0 });
    // Pages of 2, one page per piece: a segment of three contacts takes a piece and a continuation.
    const pieces = (await jobs.store.segments(job.jobId)).map((segment) => segment.piece);
    expect(Math.max(...pieces)).toBeGreaterThan(1);
    expect(jobs.signals.summaries).toHaveLength(1);
    expect(jobs.signals.summaries[0]?.counts).toMatchObject({ rescored: 7 });
    expect(jobs.events.ofType('Contact Scored')).toHaveLength(7);
  });

  it('scores with the model in force, read for each piece: a publish reaches the pieces after it', async () => {
    jobs = inMemoryJobs({ clock: () => now, pagesPerPiece: 1 });
    await seed();
    let inForce = { ...defaultScoringModel, version: 'published-2' };
    const runtime = {
      ...jobs.runtime,
      bulk: { ...jobs.runtime.bulk, model: async () => ({ document: inForce, version: 2 }) },
    };
    const { handedOn, runtime: holding } = holdingPieces();
    await startJob(
      { kind: 'rescore-all', createdBy: 'test', segments: 1 },
      { ...runtime, signals: holding.signals },
    );
    await runPiece(handedOn.shift() as PieceRef, { ...runtime, signals: holding.signals }, plenty);
    inForce = { ...defaultScoringModel, version: 'published-3' };
    await runPiece(handedOn.shift() as PieceRef, { ...runtime, signals: holding.signals }, plenty);
    const versions = jobs.events.ofType('Contact Scored').map((detail: any) => detail.modelVersion);
    expect(versions.slice(0, 2)).toEqual(['published-2', 'published-2']);
    expect(versions.slice(2)).toEqual(['published-3', 'published-3']);
  });

  it('marks the hand-offs of a re-score with the job, for the one summary instead of an email each', async () => {
    await seed();
    const job = await startJob({ kind: 'rescore-all', createdBy: 'test' }, jobs.runtime);
    await jobs.signals.drain(jobs.runtime);
    const handOffs = [
      ...jobs.events.ofType('Prospect Qualified'),
      ...jobs.events.ofType('Lead Review Requested'),
    ];
    expect(handOffs.length).toBeGreaterThan(0);
    expect(handOffs.every((detail: any) => detail.bulkJobId === job.jobId)).toBe(true);
    const { qualified, reviewsRequested } = jobs.signals.summaries[0]?.counts ?? {};
    expect((qualified ?? 0) + (reviewsRequested ?? 0)).toBe(handOffs.length);
  });

  it('ignores a redelivered piece: it is not processed again and counts once', async () => {
    await seed();
    const { handedOn, runtime } = holdingPieces();
    const job = await startJob({ kind: 'rescore-all', createdBy: 'test', segments: 1 }, runtime);
    const first = handedOn.shift() as PieceRef;

    expect(await runPiece(first, runtime, plenty)).toMatchObject({ outcome: 'committed', done: 4 });
    const scoredOnce = jobs.events.ofType('Contact Scored').length;
    expect(await runPiece(first, runtime, plenty)).toEqual({ outcome: 'stale' });
    expect(jobs.events.ofType('Contact Scored')).toHaveLength(scoredOnce);
    expect(jobs.store.jobs.get(job.jobId)?.done).toBe(4);
  });

  it('stops reading when its invocation nears the deadline, and the next piece reads on', async () => {
    await seed();
    const { handedOn, runtime } = holdingPieces();
    await startJob({ kind: 'rescore-all', createdBy: 'test', segments: 1 }, runtime);
    const first = handedOn.shift() as PieceRef;
    // One page always runs (a piece must move on); after it, 5 s left is under the safety margin.
    expect(await runPiece(first, runtime, () => 5_000)).toMatchObject({ outcome: 'committed', done: 2 });
    expect(handedOn).toEqual([{ ...first, piece: 1 }]);
  });

  it('stops after a cancel, and is summed up once its last pieces are quiet', async () => {
    await seed();
    const job = await startJob({ kind: 'rescore-all', createdBy: 'test' }, jobs.runtime);
    expect(await jobs.runtime.store.cancel(job.jobId, now.toISOString())).toBe('cancelled');
    await jobs.signals.drain(jobs.runtime);
    expect(jobs.events.ofType('Contact Scored')).toEqual([]);
    expect(await sweepJobs(jobs.runtime)).toEqual({ resumed: 0, finished: 0 });

    now = new Date(NOW.getTime() + QUIET_AFTER_MS);
    expect(await sweepJobs(jobs.runtime)).toEqual({ resumed: 0, finished: 1 });
    expect(jobs.store.jobs.get(job.jobId)).toMatchObject({
      status: 'cancelled',
      finishedAt: now.toISOString(),
    });
    expect(jobs.signals.summaries.map((summary) => summary.job.status)).toEqual(['cancelled']);
    expect(await jobs.runtime.store.cancel(job.jobId, now.toISOString())).toBe('not-running');
  });

  it('is resumed by the sweep when a hand-on was lost', async () => {
    await seed();
    const lost: JobSignals = { handOn: async () => {}, finished: async () => {} };
    const job = await startJob(
      { kind: 'rescore-all', createdBy: 'test' },
      { ...jobs.runtime, signals: lost },
    );
    expect(await sweepJobs(jobs.runtime)).toEqual({ resumed: 0, finished: 0 });

    now = new Date(NOW.getTime() + STALLED_AFTER_MS);
    expect(await sweepJobs(jobs.runtime)).toEqual({ resumed: 3, finished: 0 });
    await jobs.signals.drain(jobs.runtime);
    expect(jobs.store.jobs.get(job.jobId)).toMatchObject({ status: 'done', done: 7 });
  });

  it('simulates a candidate over every contact, as the one-pass simulation does', async () => {
    await seed();
    const { policy } = defaultScoringModel;
    const candidate = {
      ...defaultScoringModel,
      version: 'stricter',
      policy: {
        ...policy,
        autoQualify: { ...policy.autoQualify, minScore: policy.autoQualify.minScore + 40 },
      },
    };
    const published = jobs.events.published.length;
    const job = await startJob(
      { kind: 'simulate', input: { model: candidate }, createdBy: 'test' },
      jobs.runtime,
    );
    await jobs.signals.drain(jobs.runtime);

    const at = new Date(String(job.input.at));
    const histories = [...jobs.contacts.contacts.values()].map((contact) => ({
      contact,
      activities: jobs.contacts.activities.get(contact.contactId) ?? [],
    }));
    const expected = simulateModel(histories, defaultScoringModel, candidate, at, 5);
    const result = jobs.store.jobs.get(job.jobId)?.result as unknown as typeof expected;
    expect(result).toMatchObject({
      contacts: 7,
      changed: expected.changed,
      transitions: expected.transitions,
    });
    expect(result.meanScoreChange).toBe(expected.meanScoreChange);
    // It only reads: nothing is put, nothing re-scored.
    expect(jobs.events.published).toHaveLength(published);
  });

  it('backfills the funnel once: a second run counts nothing', async () => {
    await seed();
    const first = await startJob({ kind: 'backfill-funnel', createdBy: 'test' }, jobs.runtime);
    await jobs.signals.drain(jobs.runtime);
    const second = await startJob({ kind: 'backfill-funnel', createdBy: 'test' }, jobs.runtime);
    await jobs.signals.drain(jobs.runtime);
    expect(jobs.store.jobs.get(first.jobId)?.result).toEqual({ contacts: 7, counted: 7 });
    expect(jobs.store.jobs.get(second.jobId)?.result).toEqual({ contacts: 7, counted: 0 });
  });
});

describe('progressOf', () => {
  const job = {
    jobId: 'job_20260302T100000Z_00000000',
    kind: 'rescore-all',
    input: {},
    status: 'running' as const,
    segments: 4,
    segmentsDone: 0,
    createdAt: NOW.toISOString(),
    createdBy: 'test',
    done: 500,
    failed: 3,
    estimate: 2_000,
  };

  it('gives the rate since the start and the time left at that rate', () => {
    expect(progressOf(job, new Date(NOW.getTime() + 10_000))).toEqual({
      processed: 500,
      fraction: 0.25,
      ratePerSecond: 50,
      etaSeconds: 30,
    });
  });

  it('never shows more than all when the table grew past its estimate', () => {
    expect(progressOf({ ...job, done: 2_500 }, new Date(NOW.getTime() + 10_000))).toMatchObject({
      fraction: 1,
      etaSeconds: 0,
    });
  });

  it('has no fraction nor time left while the total is unknown', () => {
    const { estimate: _estimate, ...unknown } = job;
    expect(progressOf(unknown, new Date(NOW.getTime() + 10_000))).toEqual({
      processed: 500,
      ratePerSecond: 50,
    });
  });
});
