import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { activityRetentionDays } from '#shared/activity/retention.ts';
import { HttpProblem, jsonResponse, problemType } from '#shared/http/problem.ts';
import { parseQuery, rawBodyBytes } from '#shared/http/request.ts';
import { type ColumnMapping, resolveColumns } from '#shared/import/column-mapping.ts';
import { type CsvFile, CsvFileError, openCsv } from '#shared/import/csv-records.ts';
import type { RowProblem } from '#shared/import/import-row.ts';
import type { ImportStore } from '#shared/import/import-store.ts';
import { parseImportRow } from '#shared/import/parse-import-row.ts';
import { NURTURE_CHOICES } from '#shared/import/plan-import-row.ts';
import { detectPreset, PRESETS, presetNamed } from '#shared/import/presets.ts';
import { ImportMappingError, runImport } from '#shared/import/run-import.ts';
import { logger } from '#shared/runtime/logger.ts';
import { type RescoreDeps, rescoreContact } from '#shared/scoring/rescore-contact.ts';
import type { WithModelReader } from '#shared/scoring/scoring-model-config.ts';

export type ImportRouteDeps = WithModelReader<RescoreDeps> & {
  readonly imports: ImportStore;
};

/** Rows one request may import: each is read, written and scored within API Gateway's 30 seconds. */
export const MAX_ROWS_PER_PART = 2_000;
/** Problems listed in an answer; the count says how many there were in all. */
const MAX_PROBLEMS_LISTED = 500;
const PREVIEW_ROWS = 5;
const ROW_CONCURRENCY = 16;

const mappingName = z.optional(z.enum(PRESETS.map((preset) => preset.name) as [string, ...string[]]));
const previewQuery = z.object({ mapping: mappingName });
const importQuery = z.object({
  mapping: mappingName,
  dryRun: z._default(z.enum(['true', 'false']), 'false'),
  nurture: z._default(z.enum(NURTURE_CHOICES), 'hold'),
  /** Names the whole file when it is sent in parts, so its summary and report can be put together. */
  importId: z.optional(z.string().check(z.regex(/^imp_[A-Za-z0-9-]{1,64}$/, 'must look like imp_…'))),
});

/**
 * The import API: a preview of how a file's first rows map (for the console's mapping step), and the
 * import of one part of a file, a CSV of at most 256 KB and 2,000 rows with its header row. A larger
 * file is sent as consecutive parts, each with the header row, under one `importId`; a part sent
 * twice changes nothing the second time (rows are idempotent by identity).
 */
export function importRoutes(deps: ImportRouteDeps) {
  return {
    'POST /admin/imports/preview': (event: APIGatewayProxyEventV2) => preview(event),
    'POST /admin/imports': (event: APIGatewayProxyEventV2) => importPart(event, deps),
  };
}

async function preview(event: APIGatewayProxyEventV2) {
  const query = parseQuery(previewQuery, event);
  const file = await csvOf(event);
  const mapping = mappingFor(file, query.mapping);
  const resolved = resolveColumns(file.headers, mapping);
  if (!resolved.ok) throw unreadable(resolved.reason);
  const rows: unknown[] = [];
  for await (const record of catching(file.records)) {
    const parsed = parseImportRow(record.cells, record.row, {
      headers: file.headers,
      columns: resolved.columns,
      mapping,
      now: new Date(),
    });
    rows.push(
      parsed.ok ? { row: record.row, contact: parsed.row } : { row: record.row, problems: parsed.problems },
    );
    if (rows.length >= PREVIEW_ROWS) break;
  }
  const columns = Object.fromEntries(
    Object.entries(resolved.columns.fields).map(([field, index]) => [field, file.headers[index as number]]),
  );
  return jsonResponse(200, {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    mapping: mapping.name,
    presets: PRESETS.map((preset) => ({ name: preset.name, description: preset.description })),
    columns,
    activities: resolved.columns.activities.map(({ index, type }) => ({ column: file.headers[index], type })),
    ignored: resolved.columns.ignored,
    rows,
  });
}

async function importPart(event: APIGatewayProxyEventV2, deps: ImportRouteDeps) {
  const query = parseQuery(importQuery, event);
  const file = await csvOf(event);
  const mapping = mappingFor(file, query.mapping);
  const importId = query.importId ?? `imp_${randomUUID()}`;
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const model = (await deps.model()).document;
  const summary = await runImport(
    { ...file, records: atMost(file.records, MAX_ROWS_PER_PART) },
    {
      importId,
      mapping,
      dryRun: query.dryRun === 'true',
      nurture: query.nurture,
      concurrency: ROW_CONCURRENCY,
      retentionDays: activityRetentionDays(),
      onProblem: (problem) => {
        problemCount += 1;
        if (problems.length < MAX_PROBLEMS_LISTED) problems.push(problem);
      },
    },
    {
      store: deps.imports,
      clock: deps.clock,
      rescore: (contactId) => rescoreContact(contactId, { ...deps, model }, 'import').then(() => undefined),
    },
  ).catch(refuseUnreadable);
  logger.info('import part done', { importId, mapping: mapping.name, dryRun: query.dryRun, ...summary });
  return jsonResponse(200, {
    importId,
    mapping: mapping.name,
    dryRun: query.dryRun === 'true',
    summary,
    problems,
    problemCount,
  });
}

async function csvOf(event: APIGatewayProxyEventV2): Promise<CsvFile> {
  const contentType = event.headers['content-type'] ?? '';
  if (!/^(text\/csv|text\/plain|application\/octet-stream)\b/i.test(contentType)) {
    throw new HttpProblem({
      status: 415,
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      detail: `Send the file as text/csv, not "${contentType.slice(0, 100) || 'none'}".`,
    });
  }
  const bytes = rawBodyBytes(event);
  return openCsv(
    (async function* () {
      yield bytes;
    })(),
  ).catch(refuseUnreadable);
}

function mappingFor(file: CsvFile, name: string | undefined): ColumnMapping {
  return (name && presetNamed(name)) || detectPreset(file.headers);
}

/** Refuses a part with more rows than one request imports, before any row of it is written. */
async function* atMost<T>(records: AsyncIterable<T>, limit: number): AsyncIterable<T> {
  const taken: T[] = [];
  for await (const record of records) {
    taken.push(record);
    if (taken.length > limit) {
      throw new HttpProblem({
        status: 413,
        type: problemType('too-many-rows'),
        title: 'Too many rows in one part',
        detail: `One request imports at most ${limit} rows: send the file in parts, each with the header row, under one importId (or use npm run import).`,
      });
    }
  }
  yield* taken;
}

/** A file the reader or the mapping refuses is the caller's to fix: 422 with the reader's sentence. */
function refuseUnreadable(error: unknown): never {
  if (error instanceof CsvFileError || error instanceof ImportMappingError) throw unreadable(error.message);
  throw error;
}

async function* catching<T>(records: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* records;
  } catch (error) {
    refuseUnreadable(error);
  }
}

function unreadable(detail: string): HttpProblem {
  return new HttpProblem({
    status: 422,
    type: problemType('unreadable-file'),
    title: 'The file cannot be imported',
    detail,
  });
}
