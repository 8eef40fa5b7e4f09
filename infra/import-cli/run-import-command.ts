import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { type CommandIo, isParseArgsError, UsageError } from '#infra/local/cli/command-io.ts';
import { runningPipelineEndpoints } from '#infra/local/running-pipeline.ts';
import { LOCAL_EVENT_BUS_NAME, LOCAL_REGION } from '#infra/local/runtime.ts';
import { type TableOptions, TargetError, tableTarget } from '#infra/model-cli/table-target.ts';
import { activityRetentionDays } from '#shared/activity/retention.ts';
import { DynamoDbContactRepository } from '#shared/adapters/dynamodb/dynamodb-contact-repository.ts';
import { DynamoDbImportStore } from '#shared/adapters/dynamodb/dynamodb-import-store.ts';
import { eventBridgePublisher } from '#shared/adapters/event-publisher.ts';
import { type ColumnMapping, columnMappingSchema } from '#shared/import/column-mapping.ts';
import { CSV_ENCODINGS, type CsvEncoding, CsvFileError, openCsv } from '#shared/import/csv-records.ts';
import { NURTURE_CHOICES, type NurtureChoice } from '#shared/import/plan-import-row.ts';
import { detectPreset, PRESETS, presetNamed } from '#shared/import/presets.ts';
import { problemReport } from '#shared/import/problem-report.ts';
import { ImportMappingError, type ImportSummary, runImport } from '#shared/import/run-import.ts';
import { defaultScoringModel } from '#shared/scoring/default-model.ts';
import { rescoreContact } from '#shared/scoring/rescore-contact.ts';

export const USAGE = `Usage: npm run import -- <file.csv> [options]

Imports contacts from a CSV export (HubSpot, Mailchimp, Mautic, Salesforce or a spreadsheet):
profile fields, consent with its original date, known stages, suppressions and dated history.
Sends no email: imported leads are held from nurture until they engage again (see --nurture).

Options
  --mapping <name|file.json> a preset (${PRESETS.map((preset) => preset.name).join(', ')}) or a saved
                             mapping file; detected from the headers when absent
  --dry-run                  check every row and count what would happen, writing nothing
  --report <file.csv>        where to write the problems (row, column, value, reason);
                             default <file>.report.csv, written only when there are problems
  --nurture hold|enter       hold imported leads out of nurture until they engage again (default),
                             or enrol them like new signups (send rate and guardrails apply)
  --encoding utf-8|windows-1252   when detection guesses wrong (it reads the first 64 KiB)
  --concurrency <n>          rows written side by side (default 16)

Where the contacts go
  (default)                  the running \`npm start\`, found through .leadflow/local.json
  --endpoint <url>           a DynamoDB endpoint, table leadflow-contacts unless --table
  --table <name>             a stage's table in AWS (usual credentials; --region or AWS_REGION)
  --bus <name>               the stage's event bus, so imported contacts are scored at once;
                             without it the scheduled re-score scores them
  --data-dir <dir>           where \`npm start\` keeps local.json (default .leadflow)
`;

/** Runs one import; the exit code: 0 done (even with refused rows), 1 could not do it, 2 wrong usage. */
export async function runImportCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        report: { type: 'string' },
        nurture: { type: 'string', default: 'hold' },
        encoding: { type: 'string' },
        concurrency: { type: 'string', default: '16' },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        region: { type: 'string' },
        bus: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [path] = positionals;
    if (values.help || !path || positionals.length > 1) {
      io.out(USAGE);
      return values.help ? 0 : 2;
    }
    const nurture = oneOf(values.nurture, NURTURE_CHOICES, '--nurture') as NurtureChoice;
    const encoding = values.encoding
      ? (oneOf(values.encoding, CSV_ENCODINGS, '--encoding') as CsvEncoding)
      : undefined;
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
      throw new UsageError('--concurrency must be a whole number from 1 to 256.');
    }
    const file = await openCsv(createReadStream(path), encoding ? { encoding } : {});
    const mapping = values.mapping ? await mappingNamed(values.mapping) : detectPreset(file.headers);
    const tableOptions: TableOptions = {
      endpoint: values.endpoint,
      table: values.table,
      region: values.region,
      dataDir: values['data-dir'],
    };
    const target = await tableTarget(tableOptions);
    const dryRun = values['dry-run'];
    io.out(
      `${dryRun ? 'Checking' : 'Importing'} ${path} into ${target.description}\n` +
        `  mapping ${mapping.name}, ${file.encoding}, delimiter "${file.delimiter === '\t' ? '\\t' : file.delimiter}", ` +
        `nurture ${nurture}\n`,
    );
    const reportPath = values.report ?? `${path}.report.csv`;
    const report = problemReport();
    let problems = 0;
    let reportFile: ReturnType<typeof createWriteStream> | undefined;
    const now = io.now ?? (() => new Date());
    const rescore = dryRun ? undefined : await rescorer(target, values, io);
    const summary = await runImport(
      file,
      {
        importId: `imp_${randomUUID()}`,
        mapping,
        dryRun,
        nurture,
        concurrency,
        retentionDays: activityRetentionDays(),
        onProblem: (problem) => {
          if (!reportFile) {
            reportFile = createWriteStream(reportPath);
            report.stream.pipe(reportFile);
          }
          problems += 1;
          report.add(problem);
        },
        onProgress: (counts) => io.err(`\r  ${counts.rows} rows…`),
        progressEvery: 1000,
      },
      {
        store: new DynamoDbImportStore(target.documents, target.tableName),
        clock: now,
        ...(rescore ? { rescore } : {}),
      },
    );
    report.end();
    if (reportFile) await finished(reportFile);
    io.err('\n');
    io.out(formatSummary(summary, dryRun));
    if (problems > 0) io.out(`  ${problems} problem(s) written to ${reportPath}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${(error as Error).message}\n`);
      return 2;
    }
    if (
      error instanceof TargetError ||
      error instanceof CsvFileError ||
      error instanceof ImportMappingError ||
      (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    ) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export function formatSummary(summary: ImportSummary, dryRun: boolean): string {
  const verb = dryRun ? 'would be ' : '';
  const lines = [
    `${summary.rows} rows: ${summary.created} ${verb}created, ${summary.updated} ${verb}updated, ` +
      `${summary.unchanged} unchanged, ${summary.suppressed} ${verb}suppressed, ${summary.refused} refused` +
      (summary.failed ? `, ${summary.failed} failed (import the file again to retry them)` : ''),
  ];
  if (summary.scoringDeferred) {
    lines.push(`  ${summary.scoringDeferred} contact(s) will be scored by the scheduled re-score`);
  }
  return `${lines.join('\n')}\n`;
}

function oneOf(value: string, allowed: readonly string[], option: string): string {
  if (!allowed.includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}.`);
  return value;
}

async function mappingNamed(name: string): Promise<ColumnMapping> {
  const preset = presetNamed(name);
  if (preset) return preset;
  if (!name.endsWith('.json')) {
    throw new UsageError(
      `No mapping is named "${name}": use one of ${PRESETS.map((p) => p.name).join(', ')}, or a mapping file (.json).`,
    );
  }
  const parsed = columnMappingSchema.safeParse(JSON.parse(await readFile(name, 'utf8')));
  if (!parsed.success) {
    throw new UsageError(
      `${name} is not a mapping: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Scores each written contact at once, through the bus of the pipeline it belongs to, when known. */
async function rescorer(
  target: Awaited<ReturnType<typeof tableTarget>>,
  values: { bus?: string; endpoint?: string; table?: string; region?: string; 'data-dir'?: string },
  io: CommandIo,
): Promise<((contactId: string) => Promise<void>) | undefined> {
  let events: EventBridgeClient | undefined;
  let busName = values.bus;
  if (values.bus) {
    events = new EventBridgeClient(values.region ? { region: values.region } : {});
  } else if (!values.endpoint && !values.table) {
    const local = await runningPipelineEndpoints(values['data-dir']);
    if (local?.eventbridge) {
      events = new EventBridgeClient({
        endpoint: local.eventbridge,
        region: LOCAL_REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      busName = LOCAL_EVENT_BUS_NAME;
    }
  }
  if (!events || !busName) {
    io.out('  no event bus given (--bus): the scheduled re-score will score the imported contacts\n');
    return undefined;
  }
  const deps = {
    contacts: new DynamoDbContactRepository(target.documents, target.tableName),
    events: eventBridgePublisher(events, busName),
    clock: () => new Date(),
    model: defaultScoringModel,
  };
  return async (contactId) => {
    await rescoreContact(contactId, deps, 'import');
  };
}
