import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant (`npm run mutation`): plain-data tests of the folders under
 * mutation, nothing that starts a devnet or a browser, so one mutant costs seconds, not minutes. With
 * STRYKER_OWN_TESTS=1 (`npm run mutation -- --own-tests`) only the tests of the folder under mutation run: far faster
 * for a folder every other folder imports (protocol/), and a lower bound on the score the whole set would give.
 */
const own = process.env.STRYKER_OWN_TESTS === '1' ? process.env.STRYKER_FOLDER : undefined;
/** STRYKER_TESTS (a comma-separated list of globs) names the tests outright, e.g. to re-check survivors without per-test coverage. */
const named = process.env.STRYKER_TESTS?.split(',').filter(Boolean);
export const MUTATION_TESTS = named?.length ? named : own ? [`src/core/${own}/**/*.test.ts`] : ['src/core/{month,protocol,chain,proof}/**/*.test.ts'];
export const SLOW_TESTS = ['src/core/month/fetch-budget.test.ts', 'src/core/month/fetch/heights.test.ts'];

export default defineConfig({
  test: {
    include: MUTATION_TESTS,
    exclude: ['**/node_modules/**', ...SLOW_TESTS],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
