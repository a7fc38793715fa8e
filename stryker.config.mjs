// @ts-check
/**
 * StrykerJS over the verifier's rules (`npm run mutation`, scripts/mutation.ts): one folder of src/core per run,
 * chosen by STRYKER_FOLDER (all four when unset), against the fast unit tests of vitest.mutation.config.ts.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const folder = process.env.STRYKER_FOLDER;
const folders = folder ? [folder] : ['month', 'chain', 'protocol', 'proof'];
/** Runs against the folder's own tests only (STRYKER_OWN_TESTS=1, vitest.mutation.config.ts) keep their own reports. */
const name = `${folder ?? 'all'}${process.env.STRYKER_OWN_TESTS === '1' ? '-own' : ''}`;

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: folders.flatMap((f) => [`src/core/${f}/**/*.ts`, `!src/core/${f}/**/*.test.ts`, `!src/core/${f}/**/*.test-util.ts`, `!src/core/${f}/**/*.d.ts`]),
  ignorePatterns: ['dist', '.cache', 'fixtures', 'e2e', 'test-results', '.devnet-data', 'reports', '.stryker-tmp', 'bench'],
  concurrency: 2,
  timeoutMS: 30_000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 85, break: null },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incremental: true,
  incrementalFile: `reports/stryker/${name}.incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
