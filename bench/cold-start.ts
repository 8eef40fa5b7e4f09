import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { REPO_ROOT } from '#infra/cdk/leadflow-function.ts';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';
import { functions } from '#infra/wiring/functions.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';

const run = promisify(execFile);

export interface BundleFigures {
  readonly name: string;
  readonly bytes: number;
  /** Time spent in `import()` of the bundle, inside the fresh process. */
  readonly medianImportMs: number;
  /** Spawn to exit of the fresh process: runtime boot plus import, the closer proxy of a cold start. */
  readonly medianProcessMs: number;
}

export interface ColdStartFigures {
  readonly runs: number;
  readonly emptyHandler: BundleFigures;
  readonly functions: readonly BundleFigures[];
}

/** Enough for every handler's module scope (clients, config) to initialise, as in Lambda. */
const HANDLER_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  ...Object.fromEntries(Object.values(RESOURCE_ENV).map((name) => [name, 'bench'])),
  // Secrets inline, as the local runtime passes them, so no handler reaches for Secrets Manager.
  ...DEV_SECRETS,
};

/**
 * A cold-start proxy: each function bundle exactly as `cdk synth` builds it, imported in a fresh
 * Node process `runs` times, against an empty handler bundled with the same esbuild settings in the
 * same run. Lambda's own init adds a constant on top; what differs between bundles is this.
 */
export async function measureColdStarts(runs: number): Promise<ColdStartFigures> {
  const outdir = await mkdtemp(join(tmpdir(), 'leadflow-bench-'));
  try {
    await run('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
      cwd: REPO_ROOT,
      maxBuffer: 64 << 20,
    });
    const bundles = await functionBundles(outdir);
    const empty = await emptyHandlerBundle(outdir);
    return {
      runs,
      emptyHandler: await measureBundle('empty handler', empty, runs),
      functions: await measureEach(bundles, runs),
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** One bundle at a time: parallel runs would compete for the cores and blur the comparison. */
async function measureEach(
  bundles: { name: string; file: string }[],
  runs: number,
): Promise<BundleFigures[]> {
  const figures: BundleFigures[] = [];
  for (const { name, file } of bundles.sort((a, b) => a.name.localeCompare(b.name))) {
    figures.push(await measureBundle(name, file, runs));
  }
  return figures;
}

async function functionBundles(outdir: string): Promise<{ name: string; file: string }[]> {
  const templateFile = join(outdir, 'leadflow-dev-stateless.template.json');
  const template = JSON.parse(await readFile(templateFile, 'utf8')) as {
    Resources: Record<
      string,
      { Type: string; Properties?: { Description?: string }; Metadata?: Record<string, string> }
    >;
  };
  const nameByDescription = new Map<string, string>(
    Object.entries(functions).map(([name, fn]) => [fn.description, name]),
  );
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['aws:asset:path'])
    .flatMap((resource) => {
      const name = nameByDescription.get(resource.Properties?.Description ?? '');
      const asset = resource.Metadata?.['aws:asset:path'] as string;
      return name ? [{ name, file: join(outdir, asset, 'index.mjs') }] : [];
    });
}

async function emptyHandlerBundle(outdir: string): Promise<string> {
  const entry = join(outdir, 'empty-handler.ts');
  await writeFile(entry, 'export const handler = async () => ({ statusCode: 200 });\n');
  const file = join(outdir, 'empty-handler', 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    sourcemap: true,
  });
  return file;
}

async function measureBundle(name: string, file: string, runs: number): Promise<BundleFigures> {
  const declared = (functions as Record<string, FunctionDeclaration | undefined>)[name]?.environment ?? {};
  const timings: number[] = [];
  const processTimings: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    const { stdout } = await importInFreshProcess(file, declared);
    processTimings.push(performance.now() - started);
    timings.push(Number(stdout));
  }
  return {
    name,
    bytes: (await stat(file)).size,
    medianImportMs: median(timings),
    medianProcessMs: median(processTimings),
  };
}

async function importInFreshProcess(
  file: string,
  declared: Readonly<Record<string, string>>,
): Promise<{ stdout: string }> {
  try {
    return await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));',
        pathToFileURL(file).href,
      ],
      { env: { ...process.env, ...HANDLER_ENV, ...declared } },
    );
  } catch (error) {
    // The child's stderr holds a minified bundle line; keep only its last lines, where the error is.
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    throw new Error(`Importing ${file} failed:\n${stderr.split('\n').slice(-8).join('\n').slice(0, 2000)}`);
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
