import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'programs/**/*.test.ts', 'circuits/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts'],
    // One test file per core (vitest's default leaves one core idle, which halves a 2-core machine): the slow files
    // verify whole chains and are CPU-bound, and every file works in its own temporary directories and ports.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
