import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { CACHE_FOREVER, CACHE_NEVER, type StaticFile, type StaticFiles } from './static-site.ts';

/** Where the console's sources are: `console/` at the repository root. */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'console');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

function contentTypeOf(path: string): string {
  return CONTENT_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/**
 * Bundles the console with esbuild, in memory: one minified ES module and one stylesheet (uPlot's
 * included), named by their content hash under `/assets/`, and `index.html` pointing at them. It
 * takes a fraction of a second, so `npm start` builds it every time and nothing built is committed.
 * Synchronous, because the CDK's local bundling of the console's asset must be.
 */
export function buildConsole(): StaticFiles {
  const outdir = join(CONSOLE_DIR, 'dist', 'assets');
  const result = buildSync({
    entryPoints: [join(CONSOLE_DIR, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    entryNames: '[name]-[hash]',
    outdir,
    write: false,
    tsconfig: join(CONSOLE_DIR, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const files = new Map<string, StaticFile>();
  let script = '';
  let stylesheet = '';
  for (const output of result.outputFiles) {
    const path = `/assets/${relative(outdir, output.path).split('\\').join('/')}`;
    if (path.endsWith('.js')) script = path;
    if (path.endsWith('.css')) stylesheet = path;
    files.set(path, { body: output.contents, contentType: contentTypeOf(path), cacheControl: CACHE_FOREVER });
  }
  if (!script || !stylesheet) throw new Error('The console build produced no script or no stylesheet.');
  const template = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  // Relative URLs, so the console also works when served under a path prefix.
  const page = template.replace('{{script}}', `.${script}`).replace('{{stylesheet}}', `.${stylesheet}`);
  files.set('/index.html', {
    body: new TextEncoder().encode(page),
    contentType: contentTypeOf('.html'),
    cacheControl: CACHE_NEVER,
  });
  return files;
}

/** The deployment's `config.json` (see console/src/config.ts), checked on every load. */
export function configFile(config: unknown): StaticFile {
  return {
    body: new TextEncoder().encode(`${JSON.stringify(config)}\n`),
    contentType: contentTypeOf('.json'),
    cacheControl: CACHE_NEVER,
  };
}

/** Writes the built console to a folder (for a static host, or the CDK's asset). */
export function writeConsole(outDir: string, files: StaticFiles): void {
  for (const [path, file] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
}
