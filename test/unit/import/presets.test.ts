import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { foldHeader, resolveColumns } from '#shared/import/column-mapping.ts';
import { openCsv } from '#shared/import/csv-records.ts';
import type { ImportRow, RowProblem } from '#shared/import/import-row.ts';
import { parseImportRow } from '#shared/import/parse-import-row.ts';
import { detectPreset, LEADFLOW_MAPPING, MAUTIC_MAPPING } from '#shared/import/presets.ts';

const NOW = new Date('2024-06-30T12:00:00.000Z');

/** Every row of a fixture read with the preset detected from its headers. */
async function readFixture(name: string) {
  async function* bytes() {
    yield readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));
  }
  const file = await openCsv(bytes());
  const mapping = detectPreset(file.headers);
  const resolved = resolveColumns(file.headers, mapping);
  if (!resolved.ok) throw new Error(resolved.reason);
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for await (const record of file.records) {
    const parsed = parseImportRow(record.cells, record.row, {
      headers: file.headers,
      columns: resolved.columns,
      mapping,
      now: NOW,
    });
    if (parsed.ok) rows.push(parsed.row);
    else problems.push(...parsed.problems);
  }
  return { mapping: mapping.name, rows, problems, ignored: resolved.columns.ignored };
}

describe('the presets read real-shaped exports', () => {
  it('HubSpot: labels as headers, lifecycle stages and GDPR legal bases in its words, unsubscribes', async () => {
    const { mapping, rows, problems } = await readFixture('hubspot-contacts.csv');
    expect(mapping).toBe('hubspot');
    const [maria, brian, lea] = rows;
    expect(maria).toMatchObject({
      email: 'maria.johnson@northwind-example.com',
      profile: {
        firstName: 'Maria',
        company: 'Northwind Traders',
        companySize: '51-200',
        country: 'United States',
      },
      consent: {
        granted: true,
        legalBasis: 'consent',
        recordedAt: '2023-11-02T09:14:00.000Z',
        source: 'import:hubspot',
      },
      firstTouch: { utmSource: 'ORGANIC_SEARCH', at: '2023-11-02T09:14:00.000Z' },
      activities: [{ type: 'newsletter_signup', occurredAt: '2023-11-02T09:14:00.000Z' }],
    });
    expect(maria?.stage).toBeUndefined();
    expect(brian).toMatchObject({ stage: 'customer', consent: { legalBasis: 'legitimate-interest' } });
    expect(brian?.profile.jobTitle).toBe('Head of Operations');
    expect(lea).toMatchObject({
      email: 'lea.dubois@contoso-example.fr',
      suppression: { reason: 'unsubscribed' },
    });
    expect(problems).toEqual([
      { row: 5, column: 'Email', value: '', reason: 'is empty: every row needs an email address' },
    ]);
  });

  it('Mailchimp: consent confirmed at CONFIRM_TIME, signup as history, unsubscribed and cleaned files', async () => {
    const subscribed = await readFixture('mailchimp-subscribed.csv');
    expect(subscribed.mapping).toBe('mailchimp');
    expect(subscribed.problems).toEqual([]);
    expect(subscribed.rows[0]).toMatchObject({
      email: 'ana@litware-example.com',
      consent: {
        granted: true,
        legalBasis: 'consent',
        recordedAt: '2023-05-14T10:25:40.000Z',
        source: 'import:mailchimp',
      },
      activities: [{ type: 'newsletter_signup', occurredAt: '2023-05-14T10:22:01.000Z' }],
      profile: { country: 'PT', company: 'Litware' },
    });
    expect(subscribed.rows[0]?.suppression).toBeUndefined();
    const unsubscribed = await readFixture('mailchimp-unsubscribed.csv');
    expect(unsubscribed.rows[0]?.suppression).toEqual({
      reason: 'unsubscribed',
      at: '2023-09-09T18:30:00.000Z',
    });
    const cleaned = await readFixture('mailchimp-cleaned.csv');
    expect(cleaned.rows[0]?.suppression).toEqual({ reason: 'hard-bounce', at: '2022-11-11T11:11:11.000Z' });
    expect(subscribed.problems).toEqual([]);
  });

  it('Mautic: aliases as headers, its stage names, no consent (so no marketing email)', async () => {
    const { mapping, rows, problems } = await readFixture('mautic-contacts.csv');
    expect(mapping).toBe('mautic');
    expect(rows[0]).toMatchObject({
      email: 'jan.novak@proseware-example.cz',
      stage: 'customer',
      profile: { jobTitle: 'CTO', lastName: 'Novák' },
    });
    expect(rows[0]?.consent).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ row: 3, column: 'email', value: 'eva.lind@example-se' }),
    ]);
  });

  it('Salesforce: API names, lead status, opt-out, bounce date and the last logged activity', async () => {
    const { mapping, rows, problems } = await readFixture('salesforce-leads.csv');
    expect(mapping).toBe('salesforce');
    const [chidi, linh, marco] = rows;
    expect(chidi).toMatchObject({
      profile: { companySize: '250', industry: 'Banking' },
      firstTouch: { utmSource: 'Web', at: '2023-07-19T13:45:00.000Z' },
      activities: [{ type: 'sales_interaction', occurredAt: '2024-02-28T00:00:00.000Z' }],
    });
    expect(chidi?.stage).toBeUndefined();
    expect(linh).toMatchObject({ stage: 'disqualified', suppression: { reason: 'unsubscribed' } });
    expect(marco).toMatchObject({
      stage: 'customer',
      suppression: { reason: 'hard-bounce', at: '2024-04-02T09:30:00.000Z' },
    });
    expect(problems).toEqual([]);
  });

  it('a spreadsheet in French headers: every problem named by row, column, value and reason', async () => {
    const { mapping, rows, problems } = await readFixture('excel-windows-1252.csv');
    expect(mapping).toBe('leadflow');
    expect(rows.map((row) => row.email)).toEqual([
      'rene.faure@exemple-ventes.fr',
      'jose@exemple-ventes.fr',
      'rene.faure@exemple-ventes.fr',
      'spam@exemple-ventes.fr',
    ]);
    expect(rows[0]).toMatchObject({
      profile: { firstName: 'René', company: 'Crème & Cie; Lyon', country: 'France' },
      consent: { granted: true, recordedAt: '2023-04-01T00:00:00.000Z' },
      activities: [{ type: 'webinar_attended', occurredAt: '2023-06-15T14:00:00.000Z' }],
    });
    expect(rows[1]).toMatchObject({ consent: { granted: false }, stage: 'disqualified' });
    expect(rows[2]?.profile.company).toBe('"Crème & Cie" Siège');
    expect(rows[3]?.suppression?.reason).toBe('complaint');
    expect(problems).toEqual([
      { row: 5, column: 'E-mail', value: 'bad-address', reason: expect.any(String) },
      {
        row: 5,
        column: 'consent_date',
        value: '',
        reason: 'is empty: consent must carry the date it was given',
      },
      { row: 7, column: 'consent', value: 'maybe', reason: 'must be yes or no (or true/false, 1/0)' },
      {
        row: 7,
        column: 'activity:webinar_attended',
        value: '05/06/2024',
        reason: expect.stringContaining('ISO 8601'),
      },
    ]);
    expect(contactIdFor(rows[0]?.email ?? '')).toBe(contactIdFor(rows[2]?.email ?? ''));
  });
});

describe('column mapping', () => {
  it('folds header spellings: case, accents, spaces and punctuation', () => {
    expect(foldHeader(' E-mail Address ')).toBe(foldHeader('email_address'));
    expect(foldHeader('Prénom')).toBe('prenom');
  });

  it('refuses a file without an email column, naming what it looked for', () => {
    const resolved = resolveColumns(['name', 'phone'], MAUTIC_MAPPING);
    expect(resolved).toEqual({ ok: false, reason: expect.stringContaining('"email"') });
  });

  it('lists the columns nothing reads, so a forgotten one is seen in the preview', () => {
    const resolved = resolveColumns(
      ['Email', 'Shoe size', 'activity:demo_request', 'activity:unsubscribed'],
      LEADFLOW_MAPPING,
    );
    expect(resolved.ok && resolved.columns.ignored).toEqual(['Shoe size', 'activity:unsubscribed']);
    expect(resolved.ok && resolved.columns.activities).toEqual([{ index: 2, type: 'demo_request' }]);
  });

  it('refuses dates in the future, impossible dates and day/month ambiguity', () => {
    const resolved = resolveColumns(['email', 'consent', 'consent_date'], LEADFLOW_MAPPING);
    if (!resolved.ok) throw new Error(resolved.reason);
    const context = {
      headers: ['email', 'consent', 'consent_date'],
      columns: resolved.columns,
      mapping: LEADFLOW_MAPPING,
      now: NOW,
    };
    const reasonFor = (date: string) => {
      const parsed = parseImportRow(['a@example.com', 'yes', date], 2, context);
      return parsed.ok ? 'accepted' : parsed.problems[0]?.reason;
    };
    expect(reasonFor('2024-07-01')).toBe('is in the future');
    expect(reasonFor('2023-02-30')).toBe('is not a calendar date');
    expect(reasonFor('01/02/2023')).toContain('ISO 8601');
    expect(reasonFor('2023-02-28T23:30:00+02:00')).toBe('accepted');
  });
});
