/**
 * How every function is bundled, in one place: LeadflowFunction hands these to CDK's esbuild run, and
 * the benchmark bundles its yardsticks (an empty handler, the bare SDK client) with the same.
 *
 * CommonJS rather than ES module output: Node then loads its built-in modules through `require`,
 * whereas an ES module importing `node:http` makes Node build an ES facade that evaluates every lazy
 * getter of the module and so loads its whole fetch implementation (≈25 ms of every cold start,
 * measured with `npm run bench`). Code that finds files beside itself uses `import.meta.url`, which
 * the banner provides.
 */
export const BUNDLE_SETTINGS = {
  format: 'cjs',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: "const __leadflowModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  define: { 'import.meta.url': '__leadflowModuleUrl' },
  minify: true,
  // Function and class names survive minification, so a stack trace in the logs names its frames.
  keepNames: true,
  // Shipped beside the bundle but not applied: `--enable-source-maps` makes Node decode the map while
  // loading the bundle, 20–40 ms of every cold start of the larger functions (`npm run bench`). Set
  // NODE_OPTIONS=--enable-source-maps on a function while debugging it to get source positions.
  sourcemap: true,
  sourcesContent: false,
} as const;
