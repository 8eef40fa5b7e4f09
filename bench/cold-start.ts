import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE_SETTINGS } from '#infra/cdk/bundle-settings.ts';
import { REPO_ROOT } from '#infra/cdk/leadflow-function.ts';
import { DEV_SECRETS } from '#infra/local/dev-secrets.ts';
import { functions } from '#infra/wiring/functions.ts';
import type { FunctionDeclaration } from '#infra/wiring/types.ts';
import { RESOURCE_ENV } from '#shared/runtime/environment.ts';
import { median } from './statistics.ts';

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
  /** The Node options the functions run with in Lambda, applied to every process measured. */
  readonly nodeOptions: string;
  readonly emptyHandler: BundleFigures;
  /**
   * The least a function that touches the table can load: a handler that only builds the DynamoDB
   * document client, bundled the same way. What a function costs above it is leadflow's own.
   */
  readonly sdkFloor: BundleFigures;
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
 * Node process `runs` times with the Node options it has in Lambda, against an empty handler and the
 * bare SDK client bundled with the same settings in the same run. Lambda's own init adds a constant
 * on top; what differs between bundles is this. The bundles take turns, one process each per round,
 * so a burst of load on a shared machine falls on all of them alike.
 */
export async function measureColdStarts(runs: number): Promise<ColdStartFigures> {
  const outdir = await mkdtemp(join(tmpdir(), 'leadflow-bench-'));
  try {
    await run('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
      cwd: REPO_ROOT,
      maxBuffer: 64 << 20,
    });
    const functionsBuilt = (await functionBundles(outdir)).sort((a, b) => a.name.localeCompare(b.name));
    const nodeOptions = functionsBuilt[0]?.nodeOptions ?? '';
    const empty = {
      name: 'empty handler',
      file: await yardstickBundle(outdir, 'empty-handler', EMPTY_HANDLER),
    };
    const floor = { name: 'SDK floor', file: await yardstickBundle(outdir, 'sdk-floor', SDK_FLOOR_HANDLER) };
    const [emptyHandler, sdkFloor, ...measured] = await measureInTurns(
      [empty, floor, ...functionsBuilt],
      runs,
      nodeOptions,
    );
    return {
      runs,
      nodeOptions,
      emptyHandler: emptyHandler as BundleFigures,
      sdkFloor: sdkFloor as BundleFigures,
      functions: measured,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

const EMPTY_HANDLER = 'export const handler = async () => ({ statusCode: 200 });\n';

const SDK_FLOOR_HANDLER = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => ({ statusCode: 200, body: String(Boolean(documents)) });
`;

interface FunctionBundle {
  readonly name: string;
  readonly file: string;
  readonly nodeOptions: string;
}

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: {
    readonly Description?: string;
    readonly Environment?: { readonly Variables?: Record<string, unknown> };
  };
  readonly Metadata?: Record<string, string>;
}

async function functionBundles(outdir: string): Promise<FunctionBundle[]> {
  const templateFile = join(outdir, 'leadflow-dev-stateless.template.json');
  const template = JSON.parse(await readFile(templateFile, 'utf8')) as {
    Resources: Record<string, TemplateResource>;
  };
  const nameByDescription = new Map<string, string>(
    Object.entries(functions).map(([name, fn]) => [fn.description, name]),
  );
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function' && resource.Metadata?.['aws:asset:path'])
    .flatMap((resource) => {
      const name = nameByDescription.get(resource.Properties?.Description ?? '');
      const asset = resource.Metadata?.['aws:asset:path'] as string;
      const nodeOptions = resource.Properties?.Environment?.Variables?.NODE_OPTIONS;
      return name
        ? [
            {
              name,
              file: join(outdir, asset, 'index.js'),
              nodeOptions: typeof nodeOptions === 'string' ? nodeOptions : '',
            },
          ]
        : [];
    });
}

async function yardstickBundle(outdir: string, name: string, source: string): Promise<string> {
  const entry = join(outdir, `${name}.ts`);
  await writeFile(entry, source);
  const file = join(outdir, name, 'index.js');
  await build({
    ...BUNDLE_SETTINGS,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    banner: { js: BUNDLE_SETTINGS.banner },
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    // Resolve the SDK from the project, not from the temporary folder the entry sits in.
    nodePaths: [join(REPO_ROOT, 'node_modules')],
  });
  return file;
}

/** One process at a time (parallel ones would compete for the cores), bundles in turn each round. */
async function measureInTurns(
  bundles: readonly { name: string; file: string }[],
  runs: number,
  nodeOptions: string,
): Promise<BundleFigures[]> {
  const samples = bundles.map(() => ({ importMs: [] as number[], processMs: [] as number[] }));
  for (let round = 0; round < runs; round += 1) {
    for (const [index, { name, file }] of bundles.entries()) {
      const declared =
        (functions as Record<string, FunctionDeclaration | undefined>)[name]?.environment ?? {};
      const started = performance.now();
      const { stdout } = await importInFreshProcess(file, { ...declared, NODE_OPTIONS: nodeOptions });
      samples[index]?.processMs.push(performance.now() - started);
      samples[index]?.importMs.push(Number(stdout));
    }
  }
  return Promise.all(
    bundles.map(async ({ name, file }, index) => ({
      name,
      bytes: (await stat(file)).size,
      medianImportMs: median(samples[index]?.importMs ?? []),
      medianProcessMs: median(samples[index]?.processMs ?? []),
    })),
  );
}

async function importInFreshProcess(
  file: string,
  declared: Readonly<Record<string, string>>,
): Promise<{ stdout: string }> {
  try {
    return await run(
      process.execPath,
      [
        '--input-type=commonjs',
        '-e',
        // As Lambda's Node runtime loads a `.js` handler outside a `"type": "module"` package: with
        // require. An import() would first re-parse the file to guess its module format.
        'const t = performance.now(); require(process.argv[1]); process.stdout.write(String(performance.now() - t));',
        file,
      ],
      { env: { ...process.env, ...HANDLER_ENV, ...declared } },
    );
  } catch (error) {
    // The child's stderr holds a minified bundle line; keep only its last lines, where the error is.
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    throw new Error(`Importing ${file} failed:\n${stderr.split('\n').slice(-8).join('\n').slice(0, 2000)}`);
  }
}
