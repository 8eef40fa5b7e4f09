import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { LeadflowFunction } from '#infra/cdk/leadflow-function.ts';
import { DOMAIN_LIST_FILES } from '#shared/contact/domain-list-files.ts';

// A real esbuild run through CDK, as `cdk synth` does it, of a handler that reads the domain lists.
const outdir = mkdtempSync(join(tmpdir(), 'leadflow-bundle-'));
const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
const stack = new Stack(app, 'bundle-test');
const fn = new LeadflowFunction(stack, 'classify', {
  stageName: 'test',
  entry: 'test/fixtures/bundle/classify-handler.ts',
  description: 'bundling test',
  logRetention: RetentionDays.ONE_DAY,
  logRemovalPolicy: RemovalPolicy.DESTROY,
});
app.synth();
const assetDir = join(outdir, (fn.node.defaultChild as CfnFunction).getMetadata('aws:asset:path') as string);

/** Loads the bundle as Lambda's Node runtime loads a CommonJS handler, and calls it once. */
function invokeBundle(email: string): unknown {
  const script = `require(process.argv[1]).handler({ email: process.argv[2] }).then((r) => process.stdout.write(JSON.stringify(r)))`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, join(assetDir, 'index.js'), email], { encoding: 'utf8' }),
  );
}

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('a function package as CDK builds it', () => {
  it('holds one CommonJS bundle, its source map and the data files the code reads beside it', () => {
    for (const file of ['index.js', 'index.js.map', ...Object.values(DOMAIN_LIST_FILES)]) {
      expect(existsSync(join(assetDir, file)), file).toBe(true);
    }
  });

  it('finds the data files from inside the bundle', () => {
    expect(invokeBundle('someone@gmail.com')).toMatchObject({ freeMail: true, disposable: false });
    expect(invokeBundle('someone@x.mailinator.com')).toMatchObject({ freeMail: false, disposable: true });
    expect(invokeBundle('jane@acme-industries.com')).toMatchObject({ freeMail: false, disposable: false });
  });
});
