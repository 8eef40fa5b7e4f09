import type { LedgerEntry } from './capacity-proxy.ts';

/** The calls of one kind (function, operation, items) per typical submission, with their units. */
export interface LedgerLine {
  readonly function: string;
  readonly operation: string;
  readonly purpose: string;
  readonly callsPerSubmission: number;
  readonly readUnits: number;
  /** Reads: how many of the calls were strongly consistent. */
  readonly consistentReads?: number;
  /** The table's, by AWS's rules (transactions ×2). */
  readonly tableWriteUnits: number;
  /** Table and indexes as DynamoDB Local reports them (transactions ×2), for comparison. */
  readonly reportedWriteUnits: number;
  /** Index writes per submission, by index and kind of write (computed, see indexWritesOf). */
  readonly indexWrites: Record<string, number>;
  readonly indexWriteUnits: number;
}

/**
 * Groups the calls of `submissions` typical submissions by function, operation and items touched,
 * in the order they first happened, and divides by the number of submissions.
 */
export function summarizeLedger(entries: readonly LedgerEntry[], submissions: number): LedgerLine[] {
  const lines = new Map<string, LedgerLine & { indexWrites: Record<string, number> }>();
  const per = (value: number) => value / submissions;
  for (const entry of entries) {
    const purpose = entry.purposes.join(' + ');
    const id = `${entry.function}|${entry.operation}|${purpose}`;
    const line = lines.get(id) ?? {
      function: entry.function,
      operation: entry.operation,
      purpose,
      callsPerSubmission: 0,
      readUnits: 0,
      ...(entry.consistentRead === undefined ? {} : { consistentReads: 0 }),
      tableWriteUnits: 0,
      reportedWriteUnits: 0,
      indexWrites: {},
      indexWriteUnits: 0,
    };
    const indexUnits = entry.indexWrites.reduce((sum, write) => sum + write.units, 0);
    for (const write of entry.indexWrites) {
      const name = `${write.index} ${write.kind}`;
      line.indexWrites[name] = (line.indexWrites[name] ?? 0) + per(write.units);
    }
    lines.set(id, {
      ...line,
      callsPerSubmission: line.callsPerSubmission + per(1),
      readUnits: line.readUnits + per(entry.readUnits),
      ...(line.consistentReads === undefined
        ? {}
        : { consistentReads: line.consistentReads + per(entry.consistentRead ? 1 : 0) }),
      tableWriteUnits: line.tableWriteUnits + per(entry.billedWriteUnits),
      reportedWriteUnits: line.reportedWriteUnits + per(entry.reportedWriteUnits),
      indexWriteUnits: line.indexWriteUnits + per(indexUnits),
    });
  }
  return [...lines.values()];
}

/** The ledger as rows for console.table, rounded. */
export function ledgerRows(lines: readonly LedgerLine[]) {
  const round = (value: number) => Number(value.toFixed(2));
  return lines.map((line) => ({
    function: line.function,
    operation: line.operation,
    for: line.purpose,
    'calls/sub': round(line.callsPerSubmission),
    RCU: round(line.readUnits),
    consistent: line.consistentReads === undefined ? '' : round(line.consistentReads),
    'table WCU': round(line.tableWriteUnits),
    'index WCU': round(line.indexWriteUnits),
    'WCU (Local)': round(line.reportedWriteUnits),
    'index writes': Object.entries(line.indexWrites)
      .map(([name, units]) => `${name} ${round(units)}`)
      .join('; '),
  }));
}
