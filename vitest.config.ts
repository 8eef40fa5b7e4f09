import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'functions/**/*.test.ts', 'shared/**/*.test.ts', 'infra/**/*.test.ts'],
    // Logs of passing tests are noise; a failing test still shows everything it printed.
    silent: 'passed-only',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
