import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CommandIo, isParseArgsError, TABLE_OPTIONS, UsageError } from '#infra/local/cli/command-io.ts';
import { dynamoDbJobRuntime } from '#shared/adapters/bulk-job-adapters.ts';
import { DynamoDbConfigStore } from '#shared/adapters/dynamodb/dynamodb-config-store.ts';
import { DynamoDbContactHistory } from '#shared/adapters/dynamodb/dynamodb-contact-history.ts';
import { inProcessSignals } from '#shared/bulk/in-process-signals.ts';
import { bulkSettingsFrom } from '#shared/bulk/job-settings.ts';
import { MemoryJobStore } from '#shared/bulk/memory-job-store.ts';
import { runInProcess } from '#shared/bulk/run-in-process.ts';
import { cachedConfig, fixedConfig } from '#shared/config/config-reader.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { normalizeEmail } from '#shared/contact/email.ts';
import { contactView } from '#shared/review/contact-view.ts';
import { defaultRoutingConfig } from '#shared/routing/default-routing.ts';
import { DEFAULT_MODEL_PATH, defaultScoringModel } from '#shared/scoring/default-model.ts';
import {
  InvalidScoringModelError,
  parseScoringModel,
  type ScoringModel,
} from '#shared/scoring/scoring-model.ts';
import { scoringModelKind } from '#shared/scoring/scoring-model-config.ts';
import type { SimulationReport } from '#shared/scoring/simulate-model.ts';
import { formatExplanation } from './format-explanation.ts';
import { formatSimulation } from './format-simulation.ts';
import { type TableOptions, type TableTarget, TargetError, tableTarget } from './table-target.ts';

export const USAGE = `Usage: npm run model -- <command> [options]

Commands
  explain <email>            the contact's stored score line by line, its stage and transitions,
                             and what the model in force (\`npm run config\`) would say now
  simulate --model <file>    replays every stored contact under a candidate model and prints how
                             many would change stage, with examples (run it before publishing);
                             a simulate bulk job run here, in parallel Scan segments, streamed
  validate [<file>]          checks a model file (the published one by default) and names each error

Where the contacts are (explain, simulate)
  (default)                  the running \`npm start\`, found through .leadflow/local.json
  --endpoint <url>           a DynamoDB endpoint (DynamoDB Local), table leadflow-contacts unless --table
  --table <name>             a table in AWS (usual credentials; --region or AWS_REGION)
  --data-dir <dir>           where \`npm start\` keeps local.json (default .leadflow)

Other options
  --at <ISO time>            score as of this time instead of now
  --examples <n>             examples per stage change in simulate (default 3, at most 5)
  --json                     machine-readable output
`;

/** Runs one `npm run model` command; the exit code: 0 done, 1 could not do it, 2 wrong usage or model. */
export async function runModelCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        ...TABLE_OPTIONS,
        at: { type: 'string' },
        examples: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return values.help ? 0 : 2;
    }
    const now = values.at ? parseTime(values.at) : (io.now?.() ?? new Date());
    const table: TableOptions = {
      endpoint: values.endpoint,
      table: values.table,
      region: values.region,
      dataDir: values['data-dir'],
    };
    if (command === 'validate') {
      const path = rest[0] ?? values.model;
      const model = path ? await loadModel(path) : defaultScoringModel;
      io.out(`${path ?? DEFAULT_MODEL_PATH} is a valid scoring model (version ${model.version}).\n`);
      return 0;
    }
    if (command === 'explain') {
      const email = normalizeEmail(rest[0] ?? '');
      if (!email.ok) throw new UsageError(`explain needs a contact's email address: ${email.reason}`);
      const target = await tableTarget(table);
      const history = await new DynamoDbContactHistory(target.documents, target.tableName).history(
        contactIdFor(email.email),
      );
      if (!history) {
        io.err(`No contact ${email.email} in ${target.description}.\n`);
        return 1;
      }
      io.out(
        values.json
          ? `${JSON.stringify(contactView(history, defaultRoutingConfig), null, 2)}\n`
          : formatExplanation(history, await modelInForce(target), now),
      );
      return 0;
    }
    if (command === 'simulate') {
      if (!values.model) throw new UsageError('simulate needs the candidate model: --model <file>.');
      const candidate = await loadModel(values.model);
      const examples = values.examples === undefined ? 3 : Number(values.examples);
      if (!Number.isInteger(examples) || examples < 0)
        throw new UsageError('--examples takes a whole number.');
      const target = await tableTarget(table);
      const report = await simulateOverTable(target, candidate, now, examples);
      io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSimulation(report, values.model));
      return 0;
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof InvalidScoringModelError || error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${(error as Error).message}\n${error instanceof InvalidScoringModelError ? '' : `\n${USAGE}`}`);
      return 2;
    }
    if (error instanceof TargetError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The model the functions run in that table: the last published, or the repository's. */
async function modelInForce(target: TableTarget): Promise<ScoringModel> {
  const store = new DynamoDbConfigStore(target.documents, target.tableName);
  const read = cachedConfig(scoringModelKind, (kind) => store.current(kind), { clock: () => new Date() });
  return (await read()).document;
}

async function loadModel(path: string): Promise<ScoringModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the model file ${path}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidScoringModelError(
      `Invalid scoring model in ${path}: not JSON (${(error as Error).message}).`,
    );
  }
  return parseScoringModel(json, path);
}

function parseTime(value: string): Date {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new UsageError(`--at takes an ISO time, not "${value}".`);
  return time;
}

/**
 * The candidate simulated over every contact of the table by the `simulate` bulk job, run in this
 * process: parallel Scan segments streamed a page at a time, so memory stays flat however many
 * contacts there are. The job is kept in memory only: the command writes nothing to the table.
 */
async function simulateOverTable(
  target: TableTarget,
  candidate: ScoringModel,
  now: Date,
  examples: number,
): Promise<SimulationReport> {
  const runtime = {
    ...dynamoDbJobRuntime({
      table: target,
      events: { publish: async () => {} },
      clock: () => now,
      model: fixedConfig(await modelInForce(target)),
      store: new MemoryJobStore(),
      settings: bulkSettingsFrom(),
    }),
    signals: inProcessSignals(),
  };
  const job = await runInProcess(
    { kind: 'simulate', input: { model: candidate, at: now.toISOString() }, createdBy: 'cli' },
    runtime,
  );
  const report = job.result as unknown as SimulationReport;
  return { ...report, examples: examplesPerMove(report.examples, examples) };
}

/** The job keeps up to five examples of each move; the command shows `--examples` of them. */
function examplesPerMove(all: SimulationReport['examples'], limit: number): SimulationReport['examples'] {
  const kept: Record<string, number> = {};
  return all.filter((example) => {
    const key = `${example.from} → ${example.to}`;
    kept[key] = (kept[key] ?? 0) + 1;
    return kept[key] <= limit;
  });
}
