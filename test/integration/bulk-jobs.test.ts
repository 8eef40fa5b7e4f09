import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runJobsCommand } from '#infra/jobs-cli/run-jobs-command.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbJobStore } from '#shared/adapters/dynamodb/dynamodb-job-store.ts';
import { BULK_ENV } from '#shared/bulk/job-settings.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

/**
 * Each kind of bulk job at small N on the local runtime: pieces are "Bulk Job Piece Ready" events
 * on the local bus, each run by the bulk worker as its own invocation, with pages of two contacts
 * and one page per piece so that every segment hands its continuation on.
 */
const SALES = 'sales@leadflow-team.example';
const START = new Date('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;
const bant = { budget: '40k€ this year', authority: 'I sign', need: 'qualify inbound leads', timeline: 'Q3' };
const ready = ['ada@lovelace-analytics.com', 'linus@torvalds-kernel.org'];
const readers = [
  'grace@hopper-systems.io',
  'alan@turing-labs.com',
  'kim@o-neil.co.uk',
  'zoë@ünïcode-labs.de',
];

let pipeline: LocalPipeline;

/** A contact stored by an older version: recorded, never scored, in no funnel (its announcement lost). */
async function storeUnscored(email: string, submission: Record<string, any>) {
  const { documents, tableName } = pipeline.table;
  await recordFormSubmission(
    {
      source: 'generic',
      deliveryId: `old-${email}`,
      email,
      submission: { email, formType: 'newsletter', ...submission },
    },
    {
      contacts: new DynamoDbContactRepository(documents, tableName),
      events: { publish: async () => {} },
      clock: () => START,
    },
  );
}

async function runJob(kind: string) {
  const started = await pipeline.admin('POST', '/admin/jobs', { kind });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await pipeline.settled();
  return (await pipeline.admin('GET', `/admin/jobs/${started.body.jobId}`)).body;
}

beforeAll(async () => {
  pipeline = await LocalPipeline.start({
    env: {
      LEADFLOW_SALES_NOTIFY: SALES,
      [BULK_ENV.pageSize]: '2',
      [BULK_ENV.pagesPerPiece]: '1',
      [BULK_ENV.maxSegments]: '3',
    },
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
  for (const email of ready) {
    await storeUnscored(email, {
      formType: 'demo',
      company: 'Analytics Ltd',
      jobTitle: 'VP Sales',
      answers: bant,
    });
  }
  for (const email of readers) await storeUnscored(email, { formType: 'newsletter', firstName: 'Reader' });
});

afterAll(async () => {
  vi.useRealTimers();
  await pipeline?.stop();
});

describe('re-score every contact', () => {
  it('scores every stored contact in parallel pieces and tells sales once, not once per prospect', async () => {
    const job = await runJob('rescore-all');
    expect(job).toMatchObject({ status: 'done', done: 6, failed: 0, segments: 3, segmentsDone: 3 });
    expect(job.result).toMatchObject({ rescored: 6, qualified: 2 });
    expect((await pipeline.events('Bulk Job Piece Ready')).length).toBeGreaterThan(3);

    const qualified = await pipeline.events('Prospect Qualified');
    expect(qualified.map((event) => event.detail.bulkJobId)).toEqual([job.jobId, job.jobId]);
    const emails = await pipeline.emailsTo(SALES);
    expect(emails.map((email) => email.subject)).toEqual([
      'Re-score of every contact finished: 2 new prospects, 0 reviews',
    ]);
    expect(emails[0]?.body.text).toContain(`The job: `);
    expect((await pipeline.profile(ready[0] ?? ''))?.stage).toBe('prospect');
    expect((await pipeline.profile(readers[3] ?? ''))?.score).toMatchObject({ total: expect.any(Number) });
  });

  it('ignores a redelivered piece of a finished job', async () => {
    const [job] = (await pipeline.admin('GET', '/admin/jobs')).body.jobs;
    await pipeline.putEvent('leadflow', 'Bulk Job Piece Ready', {
      version: 1,
      jobId: job.jobId,
      segment: 0,
      piece: 0,
    });
    await pipeline.settled();
    const after = (await pipeline.admin('GET', `/admin/jobs/${job.jobId}`)).body;
    expect(after).toMatchObject({ status: 'done', done: 6 });
    expect(await pipeline.emailsTo(SALES)).toHaveLength(1);
  });
});

describe('the stale-score job', () => {
  it('drains everything due in one run, fanned out, and schedules the contacts again', async () => {
    vi.setSystemTime(new Date(START.getTime() + 8 * DAY));
    await pipeline.refreshStaleScores();
    await pipeline.settled();
    const jobs = (await pipeline.admin('GET', '/admin/jobs')).body.jobs;
    const drain = jobs.find((job: { kind: string }) => job.kind === 'rescore-due');
    expect(drain).toMatchObject({ status: 'done', failed: 0, createdBy: 'schedule' });
    expect(drain.done).toBeGreaterThan(0);
    const { documents, tableName } = pipeline.table;
    const due = await documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'RescoreDue',
        KeyConditionExpression: 'rescoreDue = :due AND rescoreDueAt <= :now',
        ExpressionAttributeValues: { ':due': 'DUE', ':now': new Date().toISOString() },
      }),
    );
    expect(due.Items).toEqual([]);
  });
});

describe('backfills', () => {
  it('write the contact list attributes of contacts stored before them', async () => {
    const contactId = contactIdFor(readers[1] ?? '');
    const { documents, tableName } = pipeline.table;
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `CONTACT#${contactId}`, sk: 'PROFILE' },
        UpdateExpression: 'REMOVE scoreTotal, scoreGrade, searchText',
      }),
    );
    const search = async () =>
      (await pipeline.admin('GET', '/admin/contacts/search?q=turing&stage=all')).body.contacts.map(
        (row: { contactId: string }) => row.contactId,
      );
    expect(await search()).toEqual([]);
    const job = await runJob('backfill-list-indexes');
    expect(job.result).toEqual({ contacts: 6, written: 1 });
    expect(await search()).toEqual([contactId]);
  });

  it('count in the funnel what contacts stored before it did, once however often it runs', async () => {
    const { documents, tableName } = pipeline.table;
    const leadsOf = async () =>
      (await pipeline.admin('GET', '/admin/funnel?from=2026-03-01&to=2026-03-31&interval=month')).body.totals
        ?.leads;
    // The re-score's first scores were counted as they happened.
    expect(await leadsOf()).toBe(6);
    // As a table from before the funnel: the lead markers and their counts gone.
    for (const email of [...ready, ...readers]) {
      await documents.send(
        new DeleteCommand({
          TableName: tableName,
          Key: { pk: `CONTACT#${contactIdFor(email)}`, sk: 'FUNNEL#lead' },
        }),
      );
    }
    const days = await documents.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'FUNNEL' },
      }),
    );
    for (const item of days.Items ?? []) {
      await documents.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
    }
    expect(await leadsOf()).toBe(0);

    const first = await runJob('backfill-funnel');
    expect(first.result.contacts).toBe(6);
    expect(await leadsOf()).toBe(6);
    const second = await runJob('backfill-funnel');
    expect(second.result).toEqual({ contacts: 6, counted: 0 });
    expect(await leadsOf()).toBe(6);
  });
});

describe('npm run jobs', () => {
  async function jobs(...args: string[]) {
    let out = '';
    let err = '';
    const code = await runJobsCommand([...args, '--endpoint', pipeline.runtime.urls.dynamodb], {
      out: (text) => {
        out += text;
      },
      err: (text) => {
        err += text;
      },
    });
    return { code, out, err };
  }

  it('lists the jobs and shows one with its progress and result', async () => {
    const listed = await jobs('list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/job_\S+ {2}rescore-all +done +100% {2}6 done, 0 failed/);
    const [rescore] = (await pipeline.admin('GET', '/admin/jobs')).body.jobs.filter(
      (job: { kind: string }) => job.kind === 'rescore-all',
    );
    const shown = await jobs('show', rescore.jobId);
    expect(shown.out).toContain('segments    3 of 3 finished');
    // The counts in any order: the table keeps a map's keys in its own.
    const result = shown.out.split('\n').find((line) => line.startsWith('result')) ?? '';
    for (const count of ['rescored 6', 'qualified 2', 'reviewsRequested 0', 'gone 0'])
      expect(result).toContain(count);
  });

  it('cancels a running job, and refuses to cancel one that has finished', async () => {
    const { documents, tableName } = pipeline.table;
    const store = new DynamoDbJobStore(documents, tableName);
    const jobId = 'job_20260302T090000Z_0badc0de';
    await store.create({
      jobId,
      kind: 'rescore-all',
      input: {},
      status: 'running',
      segments: 1,
      segmentsDone: 0,
      createdAt: START.toISOString(),
      createdBy: 'test',
      done: 0,
      failed: 0,
    });
    const cancelled = await jobs('cancel', jobId);
    expect(cancelled.code).toBe(0);
    expect(cancelled.out).toContain('status      stopping (cancelled)');
    const again = await jobs('cancel', jobId);
    expect(again).toMatchObject({
      code: 1,
      err: `Job ${jobId} is cancelled: only a running job can be cancelled.\n`,
    });
    expect((await jobs('show', 'not-a-job')).code).toBe(2);
  });
});
