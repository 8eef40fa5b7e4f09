import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvFileError, openCsv } from '#shared/import/csv-records.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));

/** The bytes as a stream delivers them, `size` at a time (a multi-byte character may be split). */
async function* chunks(bytes: Uint8Array, size = bytes.length) {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function readAll(bytes: Uint8Array, size?: number) {
  const file = await openCsv(chunks(bytes, size));
  const records = [];
  for await (const record of file.records) records.push(record);
  return { ...file, records };
}

describe('openCsv', () => {
  it('reads a UTF-8 file with a BOM, every cell quoted, a quoted line break and CRLF lines', async () => {
    const file = await readAll(fixture('hubspot-contacts.csv'));
    expect(file.encoding).toBe('utf-8');
    expect(file.delimiter).toBe(',');
    expect(file.headers[0]).toBe('Record ID');
    expect(file.records.map((record) => record.row)).toEqual([2, 3, 4, 5]);
    expect(file.records[1]?.cells[6]).toBe('Head of\nOperations');
    expect(file.records[2]?.cells[1]).toBe('Léa');
  });

  it("reads Excel's Windows-1252 with `;`, a `;` and a line break inside quotes, and skips an empty row", async () => {
    const file = await readAll(fixture('excel-windows-1252.csv'));
    expect(file.encoding).toBe('windows-1252');
    expect(file.delimiter).toBe(';');
    expect(file.headers.slice(0, 4)).toEqual(['E-mail', 'Prénom', 'Nom', 'Société']);
    expect(file.records[0]?.cells[3]).toBe('Crème & Cie; Lyon');
    expect(file.records[2]?.cells[3]).toBe('"Crème & Cie"\nSiège');
    // Row numbers count the quoted line break as one row, as a spreadsheet does.
    expect(file.records.map((record) => record.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('gives the same records whatever the chunks the bytes arrive in', async () => {
    const bytes = Buffer.from('email;name\r\nzoë@example.com;"Zoë\r\nÜnal"\r\n', 'utf8');
    const whole = await readAll(bytes);
    const byteByByte = await readAll(bytes, 1);
    expect(byteByByte.records).toEqual(whole.records);
    expect(byteByByte.encoding).toBe('utf-8');
    expect(whole.records[0]?.cells).toEqual(['zoë@example.com', 'Zoë\r\nÜnal']);
  });

  it('tells UTF-8 from Windows-1252 even when the sample ends inside a character', async () => {
    const text = `email,name\n${'a@example.com,Zoë\n'.repeat(5000)}`;
    const file = await readAll(Buffer.from(text, 'utf8'), 4096);
    expect(file.encoding).toBe('utf-8');
    expect(file.records).toHaveLength(5000);
    expect(file.records.at(-1)?.cells[1]).toBe('Zoë');
  });

  it('reads tab-separated files and an encoding chosen by the caller', async () => {
    const file = await openCsv(chunks(Buffer.from('email\tname\na@example.com\tA\n')), {
      encoding: 'windows-1252',
    });
    expect(file.delimiter).toBe('\t');
    expect(file.encoding).toBe('windows-1252');
  });

  it('refuses an empty file with a sentence', async () => {
    await expect(openCsv(chunks(Buffer.alloc(0)))).rejects.toThrow(CsvFileError);
  });

  it('refuses a file that is not CSV with the line it broke on, at the header or further down', async () => {
    await expect(openCsv(chunks(Buffer.from('{"email":"a@example.com"}\n')))).rejects.toThrow(CsvFileError);
    const read = async () => {
      const file = await openCsv(
        chunks(Buffer.from('email,name\na@example.com,"Ann\nb@example.com,B"oops\n')),
      );
      for await (const _ of file.records);
    };
    await expect(read()).rejects.toThrow(/not valid CSV at line \d/);
  });
});
