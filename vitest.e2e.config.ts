import { defineConfig } from 'vitest/config';

// End-to-end specs: Playwright (playwright-core) driving Debian's Chromium against the built app and the devnet.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
