import { contactIdFor } from '#shared/contact/contact-id.ts';
import type { Clock } from '#shared/runtime/clock.ts';
import { retryOnConflict } from '#shared/runtime/conflict-backoff.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { resolveColumns } from './column-mapping.ts';
import type { CsvFile } from './csv-records.ts';
import type { RowProblem } from './import-row.ts';
import type { ImportStore } from './import-store.ts';
import { parseImportRow } from './parse-import-row.ts';
import { type ImportOutcome, type NurtureChoice, planImportRow, rowIdOf } from './plan-import-row.ts';

export interface ImportDeps {
  readonly store: ImportStore;
  readonly clock: Clock;
  /**
   * Scores a written contact from its whole history now. Best effort: every written contact is also
   * on the re-score schedule, so one that fails here is scored by the scheduled re-score.
   */
  readonly rescore?: (contactId: string) => Promise<void>;
}

export interface ImportOptions {
  readonly importId: string;
  readonly mapping: ColumnMapping;
  /** Check every row and predict its outcome, writing nothing. */
  readonly dryRun: boolean;
  readonly nurture: NurtureChoice;
  /** Rows in flight at once (rows of one contact always run one after the other, in file order). */
  readonly concurrency: number;
  readonly retentionDays: number;
  /** Each problem as it is found, for the downloadable report. */
  readonly onProblem?: (problem: RowProblem) => void;
  /** The running counts, every `progressEvery` rows and at the end. */
  readonly onProgress?: (summary: ImportSummary) => void;
  readonly progressEvery?: number;
}

/** Each row lands in exactly one count; `failed` rows hit an error and are safe to import again. */
export type ImportSummary = Record<ImportOutcome | 'failed', number> & {
  readonly rows: number;
  /** Written contacts whose scoring was left to the scheduled re-score. */
  readonly scoringDeferred: number;
};

export class ImportMappingError extends Error {
  override name = 'ImportMappingError';
}

const MAX_CONFLICT_ATTEMPTS = 8;

/**
 * Imports a CSV file's rows as contacts:
 * 1. resolves the mapping's columns against the header (no email column: nothing is read);
 * 2. reads each row (parse-import-row.ts): a row with any problem is refused whole and reported;
 * 3. plans it on what is stored (plan-import-row.ts) and writes it in one conditional transaction,
 *    re-reading on a lost race; a dry run stops after planning and counts what would happen;
 * 4. has each written contact scored from its history.
 * Rows stream through with bounded concurrency, so memory does not grow with the file.
 */
export async function runImport(
  file: CsvFile,
  options: ImportOptions,
  deps: ImportDeps,
): Promise<ImportSummary> {
  const resolved = resolveColumns(file.headers, options.mapping);
  if (!resolved.ok) throw new ImportMappingError(resolved.reason);
  const now = deps.clock();
  const settings = {
    importId: options.importId,
    source: `import:${options.mapping.name}`,
    nurture: options.nurture,
    now,
    keepActivitiesSince: new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString(),
  };
  const context = { headers: file.headers, columns: resolved.columns, mapping: options.mapping, now };
  const counts = {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    suppressed: 0,
    refused: 0,
    failed: 0,
    scoringDeferred: 0,
  };
  const every = options.progressEvery ?? 500;
  const count = (outcome: ImportOutcome | 'failed') => {
    counts[outcome] += 1;
    counts.rows += 1;
    if (counts.rows % every === 0) options.onProgress?.({ ...counts });
  };

  const importOne = async (cells: readonly string[], row: number): Promise<void> => {
    const parsed = parseImportRow(cells, row, context);
    if (!parsed.ok) {
      for (const problem of parsed.problems) options.onProblem?.(problem);
      count('refused');
      return;
    }
    const contactId = contactIdFor(parsed.row.email);
    const rowId = rowIdOf(options.mapping.name, cells);
    const outcome = await retryOnConflict(
      async () => {
        const stored = await deps.store.read(contactId, rowId);
        const plan = planImportRow(parsed.row, contactId, rowId, stored, settings);
        if (plan.outcome === 'refused') {
          options.onProblem?.({ row, column: '', value: '', reason: plan.reason });
          return { counted: plan.outcome, written: false };
        }
        if (plan.outcome === 'unchanged' || options.dryRun) return { counted: plan.outcome, written: false };
        if ((await deps.store.write(plan.write)) === 'conflict') return 'conflict';
        return { counted: plan.outcome, written: true };
      },
      {
        maxAttempts: MAX_CONFLICT_ATTEMPTS,
        exhausted: () => new Error(`Contact ${contactId} kept changing while row ${row} was imported.`),
      },
    );
    count(outcome.counted);
    if (outcome.written && deps.rescore) {
      await deps.rescore(contactId).catch(() => (counts.scoringDeferred += 1));
    }
  };

  const inFlight = new Set<Promise<void>>();
  // Rows of one contact (duplicate addresses in a file) run in file order, so the last one wins.
  const lastOfContact = new Map<string, Promise<void>>();
  for await (const { row, cells } of file.records) {
    const key = contactKeyOf(cells, resolved.columns.fields.email as number);
    const task = (lastOfContact.get(key) ?? Promise.resolve())
      .then(() => importOne(cells, row))
      .catch((error: unknown) => {
        options.onProblem?.({
          row,
          column: '',
          value: '',
          reason: `could not be written (${error instanceof Error ? error.name : 'error'}); import the file again to retry it`,
        });
        count('failed');
      })
      .finally(() => {
        inFlight.delete(task);
        if (lastOfContact.get(key) === task) lastOfContact.delete(key);
      });
    lastOfContact.set(key, task);
    inFlight.add(task);
    if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  options.onProgress?.({ ...counts });
  return counts;
}

/** Groups a row with the other rows of its address before the address is validated. */
function contactKeyOf(cells: readonly string[], emailIndex: number): string {
  return (cells[emailIndex] ?? '').trim().toLowerCase();
}
