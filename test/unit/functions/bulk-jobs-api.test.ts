import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBulkJobsApiHandler } from '#functions/bulk-jobs-api/bulk-jobs-api.ts';
import { recordFormSubmission } from '#shared/intake/record-form-submission.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';
import { adminEvent, TEST_ADMIN_TOKEN } from '../../support/admin-request.ts';
import { NOW } from '../../support/builders.ts';
import { type InMemoryJobs, inMemoryJobs } from '../../support/in-memory-jobs.ts';
import { lambdaContext } from '../../support/signed-request.ts';

let jobs: InMemoryJobs;

async function call(event: APIGatewayProxyEventV2) {
  const handler = createBulkJobsApiHandler({
    runtime: jobs.runtime,
    readSecret: async () => TEST_ADMIN_TOKEN,
  });
  const result = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(String(result.body)) };
}

async function aScoredContact(email: string, formType: 'whitepaper' | 'demo') {
  const scoring = {
    contacts: jobs.contacts,
    events: jobs.events,
    clock: () => NOW,
    model: defaultScoringModel,
  };
  const { contactId } = await recordFormSubmission(
    { source: 'generic', deliveryId: email, email, submission: { email, formType, company: 'Acme' } },
    scoring,
  );
  await rescoreContact(contactId, scoring);
}

beforeEach(() => {
  jobs = inMemoryJobs({ clock: () => NOW });
});

describe('POST /admin/model/simulate', () => {
  it('starts a simulation over every stored contact, whose result is the report', async () => {
    await aScoredContact('reader@acme-industries.com', 'whitepaper');
    await aScoredContact('buyer@acme-industries.com', 'demo');
    const candidate = {
      ...defaultScoringModel,
      version: 'candidate-1',
      policy: {
        ...defaultScoringModel.policy,
        review: { ...defaultScoringModel.policy.review, minScore: 10, minEngagement: 5 },
      },
    };
    const started = await call(adminEvent('POST /admin/model/simulate', { body: { model: candidate } }));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'simulate', status: 'running', estimate: 2 });
    expect(started.body.input).toBeUndefined();

    await jobs.signals.drain(jobs.runtime);
    const shown = await call(
      adminEvent('GET /admin/jobs/{jobId}', { pathParameters: { jobId: started.body.jobId } }),
    );
    expect(shown.body).toMatchObject({ status: 'done', progress: { processed: 2, fraction: 1 } });
    expect(shown.body.result).toMatchObject({
      currentVersion: defaultScoringModel.version,
      candidateVersion: 'candidate-1',
      contacts: 2,
      changed: 1,
      transitions: { 'lead → review': 1 },
    });
  });

  it('refuses an invalid candidate with every invalid path, and starts nothing', async () => {
    const response = await call(
      adminEvent('POST /admin/model/simulate', {
        body: {
          model: {
            ...defaultScoringModel,
            fit: { ...defaultScoringModel.fit, grades: { A: 'x', B: 1, C: 2 } },
          },
        },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('urn:leadflow:problem:invalid-model');
    expect(response.body.errors).toContainEqual({ field: 'fit.grades.A', message: expect.any(String) });
    expect(jobs.store.jobs.size).toBe(0);
  });
});

describe('the jobs routes', () => {
  it('start, list and cancel a job', async () => {
    await aScoredContact('reader@acme-industries.com', 'whitepaper');
    const started = await call(adminEvent('POST /admin/jobs', { body: { kind: 'backfill-list-indexes' } }));
    expect(started.status).toBe(202);
    const listed = await call(adminEvent('GET /admin/jobs'));
    expect(listed.body.jobs.map((job: { jobId: string }) => job.jobId)).toEqual([started.body.jobId]);

    const jobId = started.body.jobId;
    const cancelled = await call(
      adminEvent('POST /admin/jobs/{jobId}/cancel', { pathParameters: { jobId } }),
    );
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    const again = await call(adminEvent('POST /admin/jobs/{jobId}/cancel', { pathParameters: { jobId } }));
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:leadflow:problem:job-not-running' } });
  });

  it('refuses a kind a person may not start, and an unknown job, with problem details', async () => {
    const drain = await call(adminEvent('POST /admin/jobs', { body: { kind: 'rescore-due' } }));
    expect(drain.status).toBe(400);
    expect(drain.body.errors[0].field).toBe('kind');
    const unknown = await call(
      adminEvent('GET /admin/jobs/{jobId}', { pathParameters: { jobId: 'job_20260302T100000Z_deadbeef' } }),
    );
    expect(unknown).toMatchObject({ status: 404, body: { type: 'urn:leadflow:problem:job-not-found' } });
    const malformed = await call(
      adminEvent('GET /admin/jobs/{jobId}', { pathParameters: { jobId: '../etc' } }),
    );
    expect(malformed.status).toBe(404);
  });
});
