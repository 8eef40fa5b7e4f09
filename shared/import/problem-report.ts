import { stringify } from 'csv-stringify';
import type { RowProblem } from './import-row.ts';

/**
 * The downloadable report: one CSV line per problem (row, column, value, reason), written as the
 * problems are found, so a million-row file's report streams too. csv-stringify quotes what needs it.
 */
export function problemReport() {
  const report = stringify({ header: true, columns: ['row', 'column', 'value', 'reason'], bom: true });
  return {
    stream: report,
    add(problem: RowProblem): void {
      report.write([problem.row, problem.column, problem.value, problem.reason]);
    },
    end(): void {
      report.end();
    },
  };
}
