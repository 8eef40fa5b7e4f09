import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runConfigCommand } from '#infra/config-cli/run-config-command.ts';
import { contactIdFor } from '#shared/contact/contact-id.ts';
import nurtureFile from '#shared/nurture/config/nurture.json' with { type: 'json' };
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { LocalPipeline } from '../support/local-pipeline.ts';
import { runCaptured } from '../support/run-command.ts';

/**
 * `npm run config` against the local pipeline, and the functions' cached reader behind it: a
 * published model scores the next submission once the minute of the cache is over, every score
 * records the version that made it, and a rollback brings the repository file back the same way.
 * The functions run in this process, so faking Date moves their cache's clock.
 */
let pipeline: LocalPipeline;
let files: string;
const T0 = Date.parse('2026-12-04T09:00:00.000Z');

beforeAll(async () => {
  pipeline = await LocalPipeline.start();
  files = await mkdtemp(join(tmpdir(), 'leadflow-config-'));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterAll(async () => {
  vi.useRealTimers();
  await pipeline?.stop();
});

function config(...argv: string[]) {
  return runCaptured(runConfigCommand, [...argv, '--endpoint', pipeline.runtime.urls.dynamodb]);
}

/** A copy of a repository document, changed, in a file for the command line. */
async function documentFile(
  name: string,
  original: unknown,
  change: (document: Record<string, any>) => void,
): Promise<string> {
  const document = structuredClone(original) as Record<string, any>;
  change(document);
  const path = join(files, name);
  await writeFile(path, JSON.stringify(document, null, 2));
  return path;
}

function modelFileWith(name: string, change: (model: Record<string, any>) => void): Promise<string> {
  return documentFile(name, modelFile, change);
}

/** A new contact's submission, scored by the pipeline; answers its stored score. */
async function scoreOfNewContact(email: string): Promise<Record<string, any>> {
  const response = await pipeline.postForm({ email, formType: 'whitepaper', company: 'Acme Robotics' });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  await pipeline.settled();
  return (await pipeline.profile(email))?.score;
}

describe('npm run config, on the local pipeline', () => {
  it('refuses an invalid document with exit code 2, naming each path, and publishes nothing', async () => {
    const broken = await modelFileWith('broken.json', (model) => {
      model.fit.grades.A = 'forty';
      model.engagement.halfLifeDays = -3;
    });
    for (const command of ['validate', 'publish']) {
      const result = await config(command, 'scoring-model', broken, '--reason', 'try');
      expect(result.code).toBe(2);
      expect(result.err).toContain('- fit.grades.A: ');
      expect(result.err).toContain('- engagement.halfLifeDays: ');
    }
    expect((await config('history', 'scoring-model')).out).toMatch(
      new RegExp(`\nv1 {2}${modelFile.version} {2}\\S+ {2}repository: the repository file\n$`),
    );
  });

  it('publishes, takes effect within the minute of the cache, records its version, and rolls back', async () => {
    const before = await scoreOfNewContact('ana@acme-robotics.com');
    expect(before.modelVersion).toBe(modelFile.version);

    const spring = await modelFileWith('spring.json', (model) => {
      model.version = 'b2b-spring';
      model.fit.businessEmail += 20;
    });
    const diff = await config('diff', 'scoring-model', spring);
    expect(diff.out).toContain(
      `  ~ fit.businessEmail: ${modelFile.fit.businessEmail} → ${modelFile.fit.businessEmail + 20}\n`,
    );
    const publish = await config(
      'publish',
      'scoring-model',
      spring,
      '--reason',
      'business email counts more',
      '--by',
      'alice',
    );
    expect(publish).toMatchObject({
      code: 0,
      out: expect.stringContaining('Published scoring-model v2 (b2b-spring)'),
    });
    expect((await config('publish', 'scoring-model', spring, '--reason', 'again')).out).toContain(
      'already in force (v2',
    );

    // Within the minute the warm scorer still runs the model it read…
    vi.setSystemTime(T0 + 30_000);
    expect((await scoreOfNewContact('ben@acme-robotics.com')).modelVersion).toBe(modelFile.version);
    // …and the next read, a minute after the last, brings the published one.
    vi.setSystemTime(T0 + 61_000);
    const after = await scoreOfNewContact('cleo@acme-robotics.com');
    expect(after.modelVersion).toBe('b2b-spring');
    expect(after.fit).toBe(before.fit + 20);

    const rollback = await config(
      'rollback',
      'scoring-model',
      '1',
      '--reason',
      'too many reviews',
      '--by',
      'bob',
    );
    expect(rollback.out).toContain(`Published scoring-model v3 (${modelFile.version})`);
    vi.setSystemTime(T0 + 122_000);
    expect((await scoreOfNewContact('dora@acme-robotics.com')).modelVersion).toBe(modelFile.version);

    const history = await config('history', 'scoring-model');
    expect(
      history.out
        .split('\n')
        .slice(1, 4)
        .map((line) => line.split('  ').slice(0, 2).join(' ')),
    ).toEqual([`v3 ${modelFile.version}`, 'v2 b2b-spring', `v1 ${modelFile.version}`]);
    expect(history.out).toContain('bob: too many reviews (rollback to v1)');
    const audit = await config('audit', '--json');
    expect(JSON.parse(audit.out).map((entry: any) => [entry.kind, entry.version, entry.by])).toEqual([
      ['scoring-model', 3, 'bob'],
      ['scoring-model', 2, 'alice'],
    ]);
    const shown = await config('show', 'scoring-model', '--version', '2');
    expect(JSON.parse(shown.out)).toEqual(
      JSON.parse(
        JSON.stringify({
          ...modelFile,
          version: 'b2b-spring',
          fit: { ...modelFile.fit, businessEmail: modelFile.fit.businessEmail + 20 },
        }),
      ),
    );
  });

  it('publishes the nurture tracks: the next email records the version that sent it', async () => {
    const broken = await documentFile('nurture-broken.json', nurtureFile, (config) => {
      config.tracks[2].steps[1].template = 'no-such-template';
    });
    const refused = await config('publish', 'nurture', broken, '--reason', 'typo');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('- tracks.2.steps.1.template: no contact template "no-such-template"');

    const spring = await documentFile('nurture-spring.json', nurtureFile, (config) => {
      config.version = 'nurture-spring';
      config.tracks[2].steps[1].delay = 'P5D';
    });
    const publish = await config('publish', 'nurture', spring, '--reason', 'case studies later');
    expect(publish.out).toContain('  ~ tracks.2.steps.1.delay: "P3D" → "P5D"\n');

    vi.setSystemTime(T0 + 200_000);
    const email = 'eve@acme-robotics.com';
    const consent = { granted: true, purpose: 'product news' };
    const response = await pipeline.postForm({ email, formType: 'whitepaper', consent });
    expect(response.status).toBe(202);
    await pipeline.settled();
    const sent = (await pipeline.contactItems(contactIdFor(email))).filter((item) => item.entity === 'email');
    expect(sent).toEqual([
      expect.objectContaining({ template: 'whitepaper-follow-up', configVersion: 'nurture-spring' }),
    ]);
  });

  it('asks for a reason and a known kind', async () => {
    const spring = await modelFileWith('reasonless.json', (model) => {
      model.version = 'b2b-reasonless';
    });
    expect((await config('publish', 'scoring-model', spring)).err).toContain('Say why with --reason');
    expect((await config('history', 'scoring-models')).err).toContain('There is no kind "scoring-models"');
    expect((await config('rollback', 'scoring-model', '9', '--reason', 'x')).err).toContain(
      'scoring-model has no version 9.',
    );
  });
});
