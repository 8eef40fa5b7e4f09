import { build } from 'esbuild';

const [entry, out] = process.argv.slice(2);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  outfile: out,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'error',
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
});
