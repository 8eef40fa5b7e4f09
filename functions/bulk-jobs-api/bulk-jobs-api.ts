import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { JOB_ID_PATTERN } from '#shared/bulk/bulk-job.ts';
import { InvalidJobInputError } from '#shared/bulk/job-kind.ts';
import { STARTABLE_KINDS } from '#shared/bulk/job-kinds.ts';
import type { JobRuntime } from '#shared/bulk/job-runtime.ts';
import { jobView } from '#shared/bulk/job-view.ts';
import { startJob } from '#shared/bulk/start-job.ts';
import { adminRoutes } from '#shared/http/admin-routes.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { parseBody, parseJson, rawBody, requireJsonContentType } from '#shared/http/request.ts';
import { logger } from '#shared/runtime/logger.ts';
import { scoringModelSchema } from '#shared/scoring/scoring-model.ts';

export interface BulkJobsApiDeps {
  readonly runtime: JobRuntime;
  readonly readSecret: (name: string) => Promise<string>;
}

/** Jobs a list shows: the newest, which is what an operator looks for. */
const LISTED_JOBS = 50;
/** Failures a job's page shows with their reasons (all are counted). */
const SHOWN_FAILURES = 20;

const startBodySchema = z.object({
  kind: z.enum(STARTABLE_KINDS),
  input: z.optional(z.record(z.string(), z.unknown())),
});
const simulateBodySchema = z.object({
  /** The candidate model, as the JSON file marketing would publish. */
  model: z.unknown(),
});

/**
 * The bulk-jobs API on routes declared `auth: 'admin'`: list, show, start and cancel jobs, and
 * simulate a candidate model over every stored contact (a `simulate` job whose result is the report).
 */
export function createBulkJobsApiHandler(deps: BulkJobsApiDeps) {
  const { runtime } = deps;
  return adminRoutes(deps.readSecret, {
    'GET /admin/jobs': async () => {
      const now = runtime.clock();
      const jobs = await runtime.store.list(LISTED_JOBS);
      return jsonResponse(200, { jobs: jobs.map((job) => jobView(job, now)) });
    },
    'GET /admin/jobs/{jobId}': async (event) => {
      const job = await runtime.store.get(jobIdOf(event));
      if (!job) throw jobNotFound();
      const failures = job.failed > 0 ? await runtime.store.failures(job.jobId, SHOWN_FAILURES) : [];
      return jsonResponse(200, jobView(job, runtime.clock(), failures));
    },
    'POST /admin/jobs': async (event) => {
      const body = parseBody(startBodySchema, jsonBody(event));
      return started(await startKind(body.kind, body.input ?? {}, runtime));
    },
    'POST /admin/jobs/{jobId}/cancel': async (event) => {
      const jobId = jobIdOf(event);
      const outcome = await runtime.store.cancel(jobId, runtime.clock().toISOString());
      const job = await runtime.store.get(jobId);
      if (!job) throw jobNotFound();
      if (outcome === 'not-running') {
        throw new HttpProblem({
          status: 409,
          type: problemType('job-not-running'),
          title: 'Job not running',
          detail: `Job ${jobId} is ${job.status}: only a running job can be cancelled.`,
        });
      }
      logger.info('bulk job cancelled', { jobId });
      return jsonResponse(200, jobView(job, runtime.clock()));
    },
    'POST /admin/model/simulate': async (event) => {
      const body = parseBody(simulateBodySchema, jsonBody(event));
      const candidate = scoringModelSchema.safeParse(body.model);
      if (!candidate.success) {
        throw new HttpProblem({
          status: 400,
          type: problemType('invalid-model'),
          title: 'Invalid scoring model',
          detail: 'The candidate model does not satisfy the model schema; see `errors`.',
          extensions: {
            errors: candidate.error.issues.map((issue) => ({
              field: issue.path.join('.') || '(model)',
              message: issue.message,
            })),
          },
        });
      }
      return started(await startKind('simulate', { model: candidate.data }, runtime));
    },
  });
}

async function startKind(kind: string, input: Readonly<Record<string, unknown>>, runtime: JobRuntime) {
  try {
    const job = await startJob({ kind, input, createdBy: 'console' }, runtime);
    logger.info('bulk job started', { jobId: job.jobId, kind, segments: job.segments });
    return jobView(job, runtime.clock());
  } catch (error) {
    if (!(error instanceof InvalidJobInputError)) throw error;
    throw new HttpProblem({
      status: 400,
      type: problemType('invalid-job-input'),
      title: 'Invalid job input',
      detail: error.message,
    });
  }
}

function started(view: ReturnType<typeof jobView>) {
  return jsonResponse(202, view);
}

function jsonBody(event: APIGatewayProxyEventV2): unknown {
  const body = rawBody(event);
  requireJsonContentType(event);
  return parseJson(body);
}

function jobIdOf(event: APIGatewayProxyEventV2): string {
  const jobId = event.pathParameters?.jobId ?? '';
  if (!JOB_ID_PATTERN.test(jobId)) throw jobNotFound();
  return jobId;
}

function jobNotFound(): HttpProblem {
  return new HttpProblem({
    status: 404,
    type: problemType('job-not-found'),
    title: 'Job not found',
    detail: 'No bulk job has this id.',
  });
}
