import { parseArgs } from 'node:util';
import { DynamoDbJobStore } from '#shared/adapters/dynamodb/dynamodb-job-store.ts';
import { JOB_ID_PATTERN } from '#shared/bulk/bulk-job.ts';
import { jobView } from '#shared/bulk/job-view.ts';
import { type TableOptions, TargetError, tableTarget } from '../model-cli/table-target.ts';
import { formatJob, formatJobLine } from './format-job.ts';

export const USAGE = `Usage: npm run jobs -- <command> [options]

Commands
  list                 the newest bulk jobs, one a line: id, kind, status, progress
  show <job id>        one job: progress, rate, time left, result, and its failures with reasons
  cancel <job id>      stops a running job: its pieces stop at their next look, and it is summed up
                       by the bulk worker's sweep a few minutes later

Where the jobs are
  (default)            the running \`npm start\`, found through .leadflow/local.json
  --endpoint <url>     a DynamoDB endpoint (DynamoDB Local), table leadflow-contacts unless --table
  --table <name>       a table in AWS (usual credentials; --region or AWS_REGION)
  --data-dir <dir>     where \`npm start\` keeps local.json (default .leadflow)

Other options
  --limit <n>          jobs listed (default 20)
  --json               machine-readable output
`;

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now?: () => Date;
}

class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs one `npm run jobs` command; the exit code: 0 done, 1 could not do it, 2 wrong usage. */
export async function runJobsCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        table: { type: 'string' },
        region: { type: 'string' },
        'data-dir': { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, jobId] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return values.help ? 0 : 2;
    }
    if (!['list', 'show', 'cancel'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
    if (command !== 'list' && !JOB_ID_PATTERN.test(jobId ?? '')) {
      throw new UsageError(`${command} needs a job id such as job_20260302T100000Z_1a2b3c4d (see list).`);
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit takes 1 to 500.');
    const table: TableOptions = {
      endpoint: values.endpoint,
      table: values.table,
      region: values.region,
      dataDir: values['data-dir'],
    };
    const target = await tableTarget(table);
    const store = new DynamoDbJobStore(target.documents, target.tableName);
    const now = io.now?.() ?? new Date();
    const print = (value: unknown, text: string) =>
      io.out(values.json ? `${JSON.stringify(value, null, 2)}\n` : text);

    if (command === 'list') {
      const jobs = (await store.list(limit)).map((job) => jobView(job, now));
      print(
        jobs,
        jobs.length === 0 ? `No bulk job in ${target.description}.\n` : jobs.map(formatJobLine).join(''),
      );
      return 0;
    }
    const id = jobId as string;
    if (command === 'cancel' && (await store.cancel(id, now.toISOString())) === 'not-running') {
      const job = await store.get(id);
      io.err(job ? `Job ${id} is ${job.status}: only a running job can be cancelled.\n` : `No job ${id}.\n`);
      return 1;
    }
    const job = await store.get(id);
    if (!job) {
      io.err(`No job ${id} in ${target.description}.\n`);
      return 1;
    }
    const failures = job.failed > 0 ? await store.failures(id, 20) : [];
    const view = jobView(job, now, failures);
    print(view, formatJob(view));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof TargetError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
