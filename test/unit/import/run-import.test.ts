import { describe, expect, it } from 'vitest';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { openCsv } from '#shared/import/csv-records.ts';
import type { RowProblem } from '#shared/import/import-row.ts';
import { LEADFLOW_MAPPING, MAILCHIMP_MAPPING } from '#shared/import/presets.ts';
import { ImportMappingError, type ImportOptions, runImport } from '#shared/import/run-import.ts';
import { InMemoryImportStore } from '../../support/in-memory-import-store.ts';

const NOW = new Date('2024-06-30T12:00:00.000Z');

async function* bytes(text: string) {
  yield Buffer.from(text, 'utf8');
}

async function importText(text: string, store: InMemoryImportStore, options: Partial<ImportOptions> = {}) {
  const problems: RowProblem[] = [];
  const rescored: string[] = [];
  const summary = await runImport(
    await openCsv(bytes(text)),
    {
      importId: 'imp_test',
      mapping: LEADFLOW_MAPPING,
      dryRun: false,
      nurture: 'hold',
      concurrency: 4,
      retentionDays: 730,
      onProblem: (problem) => problems.push(problem),
      ...options,
    },
    { store, clock: () => NOW, rescore: async (contactId) => void rescored.push(contactId) },
  );
  return { summary, problems, rescored };
}

const FILE = [
  'email,first_name,company,consent,consent_date,stage,suppression,activity:demo_request',
  'ann@example.com,Ann,Acme,yes,2023-03-01,,,2024-05-01',
  'bob@example.com,Bob,,no,2023-03-02,customer,,',
  'cy@example.com,Cy,,,,,unsubscribed,',
  'not-an-address,Dee,,,,,,',
  'ann@example.com,Anne,Acme Corp,,,,,',
].join('\n');

describe('runImport', () => {
  it('creates contacts, suppresses, refuses bad rows whole, and counts each row once', async () => {
    const store = new InMemoryImportStore();
    const { summary, problems, rescored } = await importText(FILE, store);
    expect(summary).toMatchObject({
      rows: 5,
      created: 2,
      updated: 1,
      unchanged: 0,
      suppressed: 1,
      refused: 1,
      failed: 0,
    });
    expect(problems).toEqual([
      { row: 5, column: 'email', value: 'not-an-address', reason: expect.any(String) },
    ]);
    expect(store.contacts.size).toBe(3);
    expect(rescored).toHaveLength(4);
    // Duplicate addresses in one file run in file order: the last row's values win.
    const ann = store.contacts.get(contactIdFor('ann@example.com'));
    expect(ann).toMatchObject({
      firstName: 'Anne',
      company: 'Acme Corp',
      consent: { recordedAt: '2023-03-01T00:00:00.000Z' },
    });
    expect(store.contacts.get(contactIdFor('bob@example.com'))?.stage).toBe('customer');
    expect(store.transitions).toEqual([
      expect.objectContaining({ from: 'lead', to: 'customer', by: 'import' }),
    ]);
    expect(store.nurture.get(contactIdFor('cy@example.com'))?.suppression?.reason).toBe('unsubscribed');
    const activity = [...store.activities.values()][0];
    expect(activity).toMatchObject({
      type: 'demo_request',
      formType: 'demo',
      channel: 'import',
      occurredAt: '2024-05-01T00:00:00.000Z',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const store = new InMemoryImportStore();
    await importText(FILE, store);
    const writes = store.writes;
    const before = structuredClone([...store.contacts.entries()]);
    const { summary, rescored } = await importText(FILE, store);
    expect(summary).toMatchObject({
      rows: 5,
      created: 0,
      updated: 0,
      suppressed: 0,
      unchanged: 4,
      refused: 1,
    });
    expect(store.writes).toBe(writes);
    expect([...store.contacts.entries()]).toEqual(before);
    expect(rescored).toEqual([]);
  });

  it('a dry run predicts the outcomes and writes nothing', async () => {
    const store = new InMemoryImportStore();
    const { summary, problems, rescored } = await importText(FILE, store, { dryRun: true });
    expect(summary).toMatchObject({ created: 3, updated: 0, suppressed: 1, refused: 1 });
    expect(problems).toHaveLength(1);
    expect(store.writes).toBe(0);
    expect(rescored).toEqual([]);
  });

  it('holds imported leads out of nurture, confirms imported consent, or enrols when asked', async () => {
    const held = new InMemoryImportStore();
    await importText(FILE, held);
    const ann = held.nurture.get(contactIdFor('ann@example.com'));
    expect(ann?.importHold).toEqual({ at: NOW.toISOString(), importId: 'imp_test' });
    expect(ann?.optIn).toEqual({
      status: 'confirmed',
      requestedAt: '2023-03-01T00:00:00.000Z',
      confirmedAt: '2023-03-01T00:00:00.000Z',
    });
    const enrolled = new InMemoryImportStore();
    await importText(FILE, enrolled, { nurture: 'enter' });
    expect(enrolled.nurture.get(contactIdFor('ann@example.com'))?.importHold).toBeUndefined();
    expect(enrolled.contacts.get(contactIdFor('ann@example.com'))?.importedAt).toBe(NOW.toISOString());
  });

  it('never brings back a contact erased on request', async () => {
    const store = new InMemoryImportStore();
    store.erased.set(contactIdFor('bob@example.com'), '2024-01-10T00:00:00.000Z');
    const { summary, problems } = await importText(FILE, store);
    expect(summary.refused).toBe(2);
    expect(problems).toContainEqual({
      row: 3,
      column: '',
      value: '',
      reason: 'the contact was erased on request on 2024-01-10',
    });
    expect(store.contacts.has(contactIdFor('bob@example.com'))).toBe(false);
  });

  it('re-reads and plans again when the contact changed between read and write', async () => {
    const store = new InMemoryImportStore();
    await importText('email,first_name\nann@example.com,Ann', store);
    let raced = false;
    store.beforeWrite = (write) => {
      if (raced) return;
      raced = true;
      const stored = store.contacts.get(write.contactId);
      if (stored)
        store.contacts.set(write.contactId, { ...stored, version: stored.version + 1, lastName: 'Racer' });
    };
    const { summary } = await importText('email,company\nann@example.com,Acme', store);
    expect(summary.updated).toBe(1);
    expect(store.contacts.get(contactIdFor('ann@example.com'))).toMatchObject({
      lastName: 'Racer',
      company: 'Acme',
      firstName: 'Ann',
    });
  });

  it('keeps a newer consent the contact gave since the export, and a stronger suppression', async () => {
    const store = new InMemoryImportStore();
    await importText(
      'email,consent,consent_date,suppression\nann@example.com,no,2024-06-01,complained',
      store,
    );
    const { summary } = await importText(
      'email,consent,consent_date,suppression\nann@example.com,yes,2023-01-01,unsubscribed',
      store,
    );
    expect(summary.updated).toBe(1);
    const id = contactIdFor('ann@example.com');
    expect(store.contacts.get(id)?.consent).toMatchObject({
      granted: false,
      recordedAt: '2024-06-01T00:00:00.000Z',
    });
    expect(store.nurture.get(id)?.suppression?.reason).toBe('complaint');
  });

  it('leaves history older than the retention period out', async () => {
    const store = new InMemoryImportStore();
    await importText('email,activity:webinar_attended\nann@example.com,2020-01-01', store, {
      retentionDays: 365,
    });
    expect(store.activities.size).toBe(0);
    expect(store.contacts.size).toBe(1);
  });

  it('counts a row whose write fails as failed, says how to retry it, and goes on', async () => {
    const store = new InMemoryImportStore();
    store.beforeWrite = (write) => {
      if (write.contact.email === 'bob@example.com') throw new Error('throttled');
    };
    const { summary, problems } = await importText(
      'email\nann@example.com\nbob@example.com\ncy@example.com',
      store,
    );
    expect(summary).toMatchObject({ rows: 3, created: 2, failed: 1 });
    expect(problems[0]?.reason).toContain('import the file again');
  });

  it('refuses a file its mapping cannot read', async () => {
    await expect(
      importText('name\nAnn', new InMemoryImportStore(), { mapping: MAILCHIMP_MAPPING }),
    ).rejects.toThrow(ImportMappingError);
  });

  it('a contact whose scoring fails is left to the scheduled re-score, and counted', async () => {
    const store = new InMemoryImportStore();
    const summary = await runImport(
      await openCsv(bytes('email\nann@example.com')),
      {
        importId: 'imp',
        mapping: LEADFLOW_MAPPING,
        dryRun: false,
        nurture: 'hold',
        concurrency: 1,
        retentionDays: 730,
      },
      { store, clock: () => NOW, rescore: () => Promise.reject(new Error('bus down')) },
    );
    expect(summary).toMatchObject({ created: 1, scoringDeferred: 1 });
  });
});
