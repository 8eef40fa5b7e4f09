import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';

export const CSV_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** One record of the file after its header; `row` numbers it as a spreadsheet does (header = 1). */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

export interface CsvFile {
  readonly headers: readonly string[];
  readonly encoding: CsvEncoding;
  readonly delimiter: string;
  /** Read once, in order, as the bytes arrive: memory stays flat whatever the file's size. */
  readonly records: AsyncIterable<CsvRecord>;
}

export class CsvFileError extends Error {
  override name = 'CsvFileError';
}

/** Enough of the file to tell its encoding and delimiter; the rest is never held at once. */
const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Opens a CSV export as spreadsheets and tools write them: UTF-8 with or without a BOM, or Excel's
 * Windows-1252 (told apart by whether the first 64 KiB are valid UTF-8, unless `encoding` says),
 * `,`, `;` or tab delimited (whichever the header line has most of outside quotes), quoted cells
 * with delimiters and line breaks inside. Parsing is csv-parse's, decoding iconv-lite's.
 */
export async function openCsv(
  bytes: AsyncIterable<Uint8Array>,
  options: { readonly encoding?: CsvEncoding } = {},
): Promise<CsvFile> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    headLength += chunk.length;
  }
  const sample = Buffer.concat(head);
  const encoding = options.encoding ?? sniffEncoding(sample, ended);
  const delimiter = sniffDelimiter(iconv.decode(sample, encoding));
  async function* allBytes() {
    yield sample;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield Buffer.from(next.value);
  }
  const parser = Readable.from(allBytes())
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true }));
  const parsed = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const records = { next: () => parsed.next().catch(asFileError) };
  const first = await records.next();
  if (first.done)
    throw new CsvFileError('The file is empty: it needs a header row, then one row per contact.');
  const headers = first.value.map((header) => header.trim());
  return {
    headers,
    encoding,
    delimiter,
    records: (async function* () {
      let row = 1;
      for (let next = await records.next(); !next.done; next = await records.next()) {
        row += 1;
        // A line of empty cells (a spreadsheet's trailing `;;;`) is no contact.
        if (next.value.every((cell) => cell.trim() === '')) continue;
        yield { row, cells: next.value };
      }
    })(),
  };
}

/** UTF-8 when the sample decodes as UTF-8 (a BOM says so at once), else Windows-1252. */
function sniffEncoding(sample: Buffer, whole: boolean): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  // The sample may end inside a multi-byte character: judge it without its last incomplete one.
  const checked = whole ? sample : sample.subarray(0, completeUtf8Length(sample));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(checked);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

function completeUtf8Length(sample: Buffer): number {
  for (let back = 1; back <= Math.min(3, sample.length); back += 1) {
    const byte = sample[sample.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? sample.length - back : sample.length;
  }
  return sample.length;
}

/** The delimiter the header line uses most, counted outside quotes; `,` when it has none. */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text.replace(/^\uFEFF/, '')) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** csv-parse's refusal (an unclosed quote, a quote inside a bare cell) as a sentence with its line. */
function asFileError(error: unknown): never {
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    throw new CsvFileError(
      `The file is not valid CSV${line ? ` at line ${line}` : ''}: ${error.message.replace(/^[^:]*:\s*/, '')}`,
    );
  }
  throw error;
}
