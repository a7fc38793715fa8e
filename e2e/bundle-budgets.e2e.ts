/**
 * The bundles as shipped (`npm run build`, dist/) within the budgets of the README's speed table: the app's initial
 * JS (what a first visit downloads before the page can run) ≤ 250 KB gzip, and every chunk loaded on demand (the
 * verifier Worker, the month pipeline, the proof engine, the program Worker) ≤ 400 KB gzip each. `widget.js` has its
 * own budget in widget.e2e.ts. Sizes are bytes, not times, so they are asserted here; speed lives in `npm run bench`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipBytes, initialJsFiles, totalGzip } from '../bench/browser/sizes';

const KB = 1024;
const DIST = 'dist';
const jsIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));

describe('the built bundles', () => {
  it('the app\'s initial JS (entry module, its preloads and static imports) is within 250 KB gzip', async () => {
    const initial = await initialJsFiles(join(DIST, 'index.html'));
    expect(initial.length).toBeGreaterThan(0);
    expect(await totalGzip(initial)).toBeLessThanOrEqual(250 * KB);
  });

  it('every chunk loaded on demand is within 400 KB gzip', async () => {
    const initial = new Set(await initialJsFiles(join(DIST, 'index.html')));
    const lazy = [...jsIn(join(DIST, 'assets')), ...jsIn(DIST).filter((f) => !f.endsWith('widget.js'))].filter((f) => !initial.has(f));
    // The verifier's chunks are there: the proof engine (mcl-wasm), the proof and program Workers.
    expect(lazy.some((f) => /proof-worker/.test(f))).toBe(true);
    expect(lazy.some((f) => /program-worker/.test(f))).toBe(true);
    const sizes = await Promise.all(lazy.map(async (f) => [f, await gzipBytes(f)] as const));
    expect(sizes.filter(([, bytes]) => bytes > 400 * KB)).toEqual([]);
  });
});
