import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_DIRECTORY } from '#infra/cdk/config/load-stage-config.ts';
import { REPO_ROOT } from '#infra/cdk/leadflow-function.ts';
import { PRODUCTION_MAIL } from './synth-leadflow.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'leadflow-cdk-app-'));

/**
 * Runs the CDK entry point the way `cdk synth` does (the CLI passes context and the output folder
 * through these variables), without bundling the handlers so the test stays fast and offline.
 */
function synthApp(context: Record<string, unknown>, outdir: string) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'infra/cdk/app.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [], ...context }),
      CDK_OUTDIR: outdir,
    },
  });
}

describe('the CDK app (infra/cdk/app.ts)', () => {
  // One stage is enough to prove the entry point: nag.test.ts checks dev and prod stacks themselves.
  it('synthesizes the prod stage offline, cdk-nag included, into its three stacks', () => {
    const stage = 'prod';
    const outdir = path.join(scratch, stage);
    const committed = JSON.parse(readFileSync(path.join(CONFIG_DIRECTORY, 'prod.json'), 'utf8'));
    const configFile = path.join(scratch, 'prod-filled-in.json');
    writeFileSync(configFile, JSON.stringify({ ...committed, mail: PRODUCTION_MAIL }));
    const result = synthApp({ stage, configFile }, outdir);
    expect(result.stderr).not.toMatch(/AwsSolutions-/);
    expect(result.status, result.stderr).toBe(0);
    for (const stack of ['stateful', 'stateless', 'console']) {
      expect(existsSync(path.join(outdir, `leadflow-${stage}-${stack}.template.json`))).toBe(true);
    }
  });

  it('builds the console into the cloud assembly, hashed assets and page, as cdk deploy uploads it', () => {
    const outdir = path.join(scratch, 'console');
    const result = synthApp({ stage: 'dev', 'aws:cdk:bundling-stacks': ['leadflow-dev-console'] }, outdir);
    expect(result.status, result.stderr).toBe(0);
    const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
    const consoleAsset = assets
      .map((name) => path.join(outdir, name))
      .find((dir) => existsSync(path.join(dir, 'index.html')));
    expect(consoleAsset).toBeDefined();
    const page = readFileSync(path.join(String(consoleAsset), 'index.html'), 'utf8');
    const script = /src="\.\/(assets\/main-[A-Z0-9]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect(existsSync(path.join(String(consoleAsset), String(script)))).toBe(true);
  });

  it('stops a bad configuration before synthesizing, with the problem and its path and no stack trace', () => {
    const file = path.join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify({ mail: { from: 'nobody' } }));
    const outdir = path.join(scratch, 'bad');
    const result = synthApp({ stage: 'dev', configFile: file }, outdir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid leadflow configuration for stage "dev"');
    expect(result.stderr).toContain('at mail.from');
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  it('refuses to synthesize production with the placeholders it ships with, naming each setting', () => {
    const outdir = path.join(scratch, 'placeholders');
    const result = synthApp({ stage: 'prod' }, outdir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('mail.from is the example sender');
    expect(result.stderr).toContain('mail.postalAddress is missing');
    expect(result.stderr).toContain('mail.links.website is an example link');
    expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });
});
