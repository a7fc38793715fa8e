/**
 * Hostile allocation programs in a real browser (Chromium): each ends with its coded PROGRAM_* error within the
 * limit while the page keeps responding; the real allocation program succeeds and equals the TypeScript reference.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMonth } from '../src/core/program/reference';
import { randomInput } from '../src/core/program/random-input';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';
import type { PageRun } from './pages/program-host';
import { serveStatic, type StaticServer } from './pages/static-server';

interface Fixture {
  file: string;
  expect: string;
  about: string;
}

/** The limit each hostile program gets; a run must end by then plus worker start-up and teardown. */
const TIMEOUT_MS = 1_000;
const SLACK_MS = 4_000;
/** A main-thread timer ticks every 10 ms; a page blocked by a program would show a gap far above this. */
const MAX_MAIN_THREAD_GAP_MS = 500;

const manifest = JSON.parse(await readFile('programs/hostile/manifest.json', 'utf8')) as Fixture[];
let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'drey-program-host-'));
  await build({
    configFile: false,
    root: resolve('e2e/pages'),
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: resolve('e2e/pages/program-host.html') } },
  });
  server = await serveStatic({ mounts: [{ prefix: '/programs/', dir: 'programs' }, { prefix: '/', dir: outDir }] });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(`${server.url}/program-host.html`);
  await page.waitForFunction(() => 'dreyProgramHost' in window);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function runInPage(url: string, timeoutMs: number, seed: number, rows: number): Promise<PageRun> {
  return page.evaluate(
    ([u, t, s, r]) => (window as unknown as { dreyProgramHost: { run: (...a: [string, number, number, number]) => Promise<PageRun> } }).dreyProgramHost.run(u, t, s, r),
    [url, timeoutMs, seed, rows] as const,
  );
}

describe('when a hostile program runs in the browser', () => {
  it.each(manifest.map((f) => [f.file, f.expect, f.about] as const))('%s ends with %s (%s)', async (file, code) => {
    const r = await runInPage(`/programs/hostile/${file}`, TIMEOUT_MS, 7, 16);
    expect(r.ok).toBe(false);
    expect(r.code).toBe(code);
    expect(r.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(r.maxGapMs).toBeLessThan(MAX_MAIN_THREAD_GAP_MS);
  });

  it('the page still responds afterwards: its timer ticks and a new program runs', async () => {
    const before = Number(await page.locator('#ticks').textContent());
    const r = await runInPage('/programs/allocation/build/allocation.wasm', TIMEOUT_MS * 10, 1, 8);
    expect(r.ok).toBe(true);
    expect(Number(await page.locator('#ticks').textContent())).toBeGreaterThan(before);
  });
});

describe('when the real allocation program runs in the browser', () => {
  it.each([[11, 64], [12, 300]])('with seed %i and %i rows it equals the TypeScript reference', async (seed, rows) => {
    const r = await runInPage('/programs/allocation/build/allocation.wasm', 30_000, seed, rows);
    expect(r.code).toBe('OK');
    const ref = computeMonth(randomInput(seed, { rows }));
    expect(r.output).toEqual({
      newAllocations: Array.from(ref.newAllocations, String),
      F: String(ref.F), W: String(ref.W), R: String(ref.R),
    });
    expect(r.maxGapMs).toBeLessThan(MAX_MAIN_THREAD_GAP_MS);
  });
});
