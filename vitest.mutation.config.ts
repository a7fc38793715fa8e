import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant (`npm run mutation`): plain-data tests of the folders under
 * mutation, nothing that starts a devnet or a browser, so one mutant costs seconds, not minutes.
 */
export const MUTATION_TESTS = ['src/core/{month,protocol,chain,proof}/**/*.test.ts'];
export const SLOW_TESTS = ['src/core/month/fetch-budget.test.ts', 'src/core/month/fetch/heights.test.ts'];

export default defineConfig({
  test: {
    include: MUTATION_TESTS,
    exclude: ['**/node_modules/**', ...SLOW_TESTS],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
