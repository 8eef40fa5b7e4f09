import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runModelCommand } from '#infra/model-cli/run-model-command.ts';
import modelFile from '#shared/scoring/models/b2b-default.json' with { type: 'json' };
import { runCaptured } from '../../support/run-command.ts';

function run(...argv: string[]) {
  return runCaptured(runModelCommand, argv);
}

async function file(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'leadflow-model-')), 'model.json');
  await writeFile(path, content);
  return path;
}

describe('npm run model', () => {
  it('validates the published model, and a candidate file', async () => {
    expect(await run('validate')).toMatchObject({
      code: 0,
      out: expect.stringContaining('is a valid scoring model'),
    });
    const candidate = await file(JSON.stringify({ ...modelFile, version: 'next' }));
    expect((await run('validate', candidate)).out).toContain('(version next)');
  });

  it('refuses an invalid candidate with exit code 2, naming the file and each path', async () => {
    const broken = structuredClone(modelFile) as Record<string, any>;
    broken.policy.autoQualify.minScore = 'seventy';
    const path = await file(JSON.stringify(broken));
    const result = await run('simulate', '--model', path);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`Invalid scoring model in ${path}:\n- policy.autoQualify.minScore:`);
    expect((await run('validate', await file('{ not json'))).err).toMatch(/not JSON/);
  });

  it('explains usage on a wrong command or option, with exit code 2', async () => {
    expect(await run()).toMatchObject({ code: 2, out: expect.stringContaining('Usage: npm run model') });
    expect((await run('--help')).code).toBe(0);
    expect(await run('rescore')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command "rescore"'),
    });
    expect((await run('simulate')).err).toContain('simulate needs the candidate model');
    expect((await run('explain', 'not-an-email')).err).toContain("explain needs a contact's email address");
    expect((await run('validate', '--colour')).code).toBe(2);
    expect((await run('explain', 'a@b.com', '--at', 'tomorrow')).err).toContain('--at takes an ISO time');
  });

  it('says how to point it at contacts when no local pipeline runs', async () => {
    const result = await run(
      'explain',
      'jane@acme-industries.com',
      '--data-dir',
      join(tmpdir(), 'no-leadflow-here'),
    );
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('Start one with `npm start`') });
  });
});
