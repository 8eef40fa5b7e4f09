import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '#infra/import-cli/run-import-command.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import { LocalPipeline } from '../support/local-pipeline.ts';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

describe('npm run import against the local pipeline', () => {
  let pipeline: LocalPipeline;
  let dataDir: string;

  beforeAll(async () => {
    pipeline = await LocalPipeline.start();
    // The command finds the pipeline as it finds `npm start`'s: through local.json.
    dataDir = mkdtempSync(join(tmpdir(), 'leadflow-import-'));
    writeFileSync(join(dataDir, 'local.json'), JSON.stringify(pipeline.runtime.urls));
  }, 120_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  async function importFile(path: string, ...options: string[]) {
    const out: string[] = [];
    const code = await runImportCommand([path, '--data-dir', dataDir, ...options], {
      out: (text) => out.push(text),
      err: () => undefined,
    });
    await pipeline.settled();
    return { code, out: out.join('') };
  }

  it('a dry run checks every row, reports the problems and writes nothing', async () => {
    const copy = join(dataDir, 'excel.csv');
    writeFileSync(copy, readFileSync(fixture('excel-windows-1252.csv')));
    const before = await pipeline.allItems();
    const { code, out } = await importFile(copy, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain(
      '6 rows: 3 would be created, 0 would be updated, 0 unchanged, 1 would be suppressed, 2 refused',
    );
    expect(await pipeline.allItems()).toEqual(before);
    const report = readFileSync(`${copy}.report.csv`, 'utf8');
    expect(report).toContain('row,column,value,reason');
    expect(report).toContain('7,consent,maybe,"must be yes or no (or true/false, 1/0)"');
  });

  it('imports a Mailchimp export with no email sent, scores it, and suppresses the unsubscribed', async () => {
    const subscribed = await importFile(fixture('mailchimp-subscribed.csv'));
    expect(subscribed.out).toContain('mapping mailchimp');
    expect(subscribed.out).toContain('2 rows: 2 created, 0 updated, 0 unchanged, 0 suppressed, 0 refused');
    const unsubscribed = await importFile(fixture('mailchimp-unsubscribed.csv'));
    expect(unsubscribed.out).toContain('1 rows: 0 created, 0 updated, 0 unchanged, 1 suppressed, 0 refused');

    const ana = await pipeline.profile('ana@litware-example.com');
    expect(ana).toMatchObject({
      stage: 'lead',
      consent: { granted: true, recordedAt: '2023-05-14T10:25:40.000Z', source: 'import:mailchimp' },
      score: { modelVersion: expect.any(String) },
    });
    const items = await pipeline.contactItems(contactIdFor('ana@litware-example.com'));
    expect(items.find((item) => item.sk === 'NURTURE')).toMatchObject({
      importHold: { importId: expect.stringMatching(/^imp_/) },
      optIn: { status: 'confirmed' },
    });
    // The 2023 signup is past the two years activities are kept: the table would delete it at once.
    expect(items.filter((item) => item.sk.startsWith('ACTIVITY#'))).toEqual([]);
    const kai = await pipeline.contactItems(contactIdFor('kai@adatum-example.com'));
    expect(kai.find((item) => item.sk === 'NURTURE')?.suppression).toEqual({
      reason: 'unsubscribed',
      at: '2023-09-09T18:30:00.000Z',
    });
    expect(await pipeline.events('Contact Scored')).toHaveLength(3);
    for (const address of ['ana@litware-example.com', 'tom@tailspin-example.com', 'kai@adatum-example.com']) {
      expect(await pipeline.emailsTo(address)).toEqual([]);
    }
    expect(await pipeline.events('Prospect Qualified')).toEqual([]);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await pipeline.allItems();
    const again = await importFile(fixture('mailchimp-subscribed.csv'));
    expect(again.out).toContain('2 rows: 0 created, 0 updated, 2 unchanged, 0 suppressed, 0 refused');
    expect(await pipeline.allItems()).toEqual(before);
  });

  it('a held lead that signs up again after the import is nurtured like any other', async () => {
    const response = await pipeline.postForm({
      email: 'tom@tailspin-example.com',
      formType: 'webinar',
      consent: { granted: true },
    });
    expect(response.status).toBe(202);
    await pipeline.settled();
    // Enrolled in its track, due now (the email itself may wait for the end of quiet hours).
    const items = await pipeline.contactItems(contactIdFor('tom@tailspin-example.com'));
    expect(items.find((item) => item.sk === 'NURTURE')).toMatchObject({
      status: 'active',
      track: 'webinar-follow-up',
    });
  });

  it('history is recorded with its own dates and scored with decay from them', async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const path = join(dataDir, 'history.csv');
    writeFileSync(
      path,
      `email,activity:webinar_attended,activity:demo_request\nfresh@history-example.com,${day(2)},\nstale@history-example.com,${day(300)},${day(300)}\n`,
    );
    const { out } = await importFile(path);
    expect(out).toContain('2 rows: 2 created');
    const fresh = await pipeline.profile('fresh@history-example.com');
    const stale = await pipeline.profile('stale@history-example.com');
    const activities = (await pipeline.contactItems(contactIdFor('stale@history-example.com'))).filter(
      (item) => item.sk.startsWith('ACTIVITY#'),
    );
    expect(activities.map((item) => [item.type, item.occurredAt.slice(0, 10), item.channel])).toEqual(
      expect.arrayContaining([
        ['webinar_attended', day(300), 'import'],
        ['demo_request', day(300), 'import'],
      ]),
    );
    expect(fresh?.score.engagement).toBeGreaterThan(stale?.score.engagement);
    // An old demo request is history, not a hand-raise today: nobody is handed to sales.
    expect(stale?.stage).toBe('lead');
    expect(await pipeline.events('Lead Review Requested')).toEqual([]);
  });

  it('holds imported leads out of nurture unless the importer enrols them', async () => {
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const header = 'email,consent,consent_date,activity:webinar_registration';
    const held = join(dataDir, 'held.csv');
    writeFileSync(held, `${header}\nheld@nurture-example.com,yes,${day},${day}\n`);
    const enrolled = join(dataDir, 'enrolled.csv');
    writeFileSync(enrolled, `${header}\nenrolled@nurture-example.com,yes,${day},${day}\n`);
    await importFile(held);
    await importFile(enrolled, '--nurture', 'enter');
    const nurtureOf = async (email: string) =>
      (await pipeline.contactItems(contactIdFor(email))).find((item) => item.sk === 'NURTURE');
    expect((await nurtureOf('held@nurture-example.com'))?.track).toBeUndefined();
    expect(await nurtureOf('enrolled@nurture-example.com')).toMatchObject({
      track: 'webinar-follow-up',
      status: 'active',
    });
  });

  it('a Salesforce export: stages with their transitions, a bounce honoured, history dated', async () => {
    const { out } = await importFile(fixture('salesforce-leads.csv'));
    expect(out).toContain('3 rows: 1 created, 0 updated, 0 unchanged, 2 suppressed, 0 refused');
    const marco = await pipeline.contactItems(contactIdFor('marco.rossi@fourthcoffee-example.com'));
    expect(marco.find((item) => item.sk === 'PROFILE')?.stage).toBe('customer');
    expect(marco.find((item) => item.sk.startsWith('TRANSITION#'))).toMatchObject({
      from: 'lead',
      to: 'customer',
      by: 'import',
    });
    expect(marco.find((item) => item.sk === 'NURTURE')?.suppression?.reason).toBe('hard-bounce');
    const linh = await pipeline.profile('linh@wideworld-example.com');
    expect(linh?.stage).toBe('disqualified');
  });

  describe('the import API', () => {
    const post = async (path: string, csv: string | Uint8Array, contentType = 'text/csv') => {
      const response = await fetch(`${pipeline.runtime.urls.gateway}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${process.env.LEADFLOW_ADMIN_TOKEN}`, 'content-type': contentType },
        body: csv,
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };

    it('previews how the first rows map, with the detected preset and the columns nothing reads', async () => {
      const { status, body } = await post(
        '/admin/imports/preview',
        readFileSync(fixture('hubspot-contacts.csv')),
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        encoding: 'utf-8',
        delimiter: ',',
        mapping: 'hubspot',
        columns: { email: 'Email', stage: 'Lifecycle Stage', consentDate: 'Became a Subscriber Date' },
        ignored: ['Record ID'],
      });
      expect(body.presets.map((preset: { name: string }) => preset.name)).toEqual([
        'leadflow',
        'hubspot',
        'mailchimp',
        'mautic',
        'salesforce',
      ]);
      expect(body.rows).toHaveLength(4);
      expect(body.rows[3]).toMatchObject({
        row: 5,
        problems: [{ column: 'Email', reason: expect.any(String) }],
      });
    });

    it('imports a part, then the same part again without change, under one import id', async () => {
      const csv =
        'email,company,stage\napi-one@api-example.com,One,customer\napi-two@api-example.com,Two,\nnope,,\n';
      const first = await post('/admin/imports?importId=imp_api-test', csv);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        importId: 'imp_api-test',
        mapping: 'leadflow',
        summary: { rows: 3, created: 2, refused: 1 },
        problemCount: 1,
        problems: [{ row: 4, column: 'email', value: 'nope' }],
      });
      expect((await pipeline.profile('api-one@api-example.com'))?.stage).toBe('customer');
      const again = await post('/admin/imports?importId=imp_api-test', csv);
      expect(again.body.summary).toMatchObject({ created: 0, unchanged: 2, refused: 1 });
    });

    it('refuses what it cannot import, with a sentence and nothing written', async () => {
      expect((await post('/admin/imports', 'email\na@example.com', 'application/json')).status).toBe(415);
      const noEmail = await post('/admin/imports', 'name\nAnn\n');
      expect(noEmail).toMatchObject({
        status: 422,
        body: { detail: expect.stringContaining('no email column') },
      });
      const tooMany = `email\n${Array.from({ length: 2001 }, (_, i) => `bulk-${i}@api-example.com`).join('\n')}\n`;
      const refused = await post('/admin/imports', tooMany);
      expect(refused).toMatchObject({
        status: 413,
        body: { type: expect.stringContaining('too-many-rows') },
      });
      expect(await pipeline.profile('bulk-0@api-example.com')).toBeUndefined();
      expect((await post('/admin/imports?nurture=later', 'email\na@example.com\n')).status).toBe(400);
      const broken = await post(
        '/admin/imports',
        'email,name\nbroken@api-example.com,"Ann\nx@api-example.com,A"b\n',
      );
      expect(broken).toMatchObject({
        status: 422,
        body: { detail: expect.stringContaining('not valid CSV') },
      });
      expect(await pipeline.profile('broken@api-example.com')).toBeUndefined();
      expect((await post('/admin/imports/preview', '{"email":"a@example.com"}', 'text/plain')).status).toBe(
        422,
      );
    });
  });
});
