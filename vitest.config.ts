import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Logs of passing tests are noise; a failing test still shows everything it printed.
    silent: 'passed-only',
    // Powertools writes to stdout directly, past vitest's console capture.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    // CI also keeps a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results.json' },
    testTimeout: 30_000,
    // expect.poll waits for a browser or the local pipeline to catch up; its 1 s default is too
    // short on a loaded 2-core machine (a review accepted in the console once took longer).
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
