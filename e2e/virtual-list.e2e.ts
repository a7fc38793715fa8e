/** The Table screen's windowed list in Chromium with 100,000 rows: few DOM rows, every row reachable, no long tasks. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';
import { serveStatic, type StaticServer } from './pages/static-server';

let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'drey-vlist-'));
  await build({
    configFile: false,
    root: resolve('e2e/pages'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: resolve('e2e/pages/virtual-list.html') } },
  });
  server = await serveStatic({ mounts: [{ prefix: '/', dir: outDir }] });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.goto(`${server.url}/virtual-list.html`);
  await page.getByText('user-0', { exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const domRows = (): Promise<number> => page.locator('.vlist-row').count();

describe('when the table has 100,000 rows', () => {
  it('keeps only the rows in view (plus a margin) in the DOM', async () => {
    expect(await page.getByRole('table', { name: 'Allocation table' }).getAttribute('aria-rowcount')).toBe('100001');
    expect(await domRows()).toBeLessThan(50);
  });

  it('reaches the last row by keyboard, without long tasks on the main thread', async () => {
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (window as unknown as { longTasks: number[] }).longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.locator('.vlist-viewport').focus();
    await page.keyboard.press('End');
    await page.getByText('user-99999', { exact: true }).waitFor();
    expect(await domRows()).toBeLessThan(50);
    await page.keyboard.press('Home');
    await page.getByText('user-0', { exact: true }).waitFor();
    expect(await domRows()).toBeLessThan(50);
    expect(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.filter((d) => d > 50))).toEqual([]);
  });
});
