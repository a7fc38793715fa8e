/** Helpers for the app's specs: wait for a month's verdict, run axe-core, collect main-thread long tasks. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

export const AXE_PATH = 'node_modules/axe-core/axe.min.js';

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Serious and critical axe-core violations of the page as it is now (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  // The app's CSP forbids injected <script> tags (as it should); DevTools evaluation is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  }) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Starts recording long tasks (> 50 ms) on the main thread; read them back with `longTasks`. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks ?? []);
}

/** The text of a month’s status cell on the timeline once it is no longer "verifying…", "waiting to start" or "not verified yet". */
export async function monthStatus(page: Page, month: number, timeoutMs = 240_000): Promise<string> {
  const cell = page.getByTestId(`month-status-${month}`);
  await cell.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await cell.textContent()) ?? '';
    if (!/verifying|not verified yet|waiting to start/.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`month ${month} still shows “${text}” after ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

/** The month page's run summary once its verification has ended (verified, rejected, pending, unavailable or not run). */
export async function runSummary(page: Page, timeoutMs = 300_000): Promise<string> {
  await page.waitForFunction(() => /Verified|Rejected|Pending|Unavailable|Could not verify/.test(document.querySelector('.run-summary')?.textContent ?? ''), null, { timeout: timeoutMs });
  return (await page.locator('.run-summary').textContent()) ?? '';
}

/** The devnet on a prepared data directory (e.g. an unpacked adversarial vector), the built app, and Chromium. */
export function startOnData(dataDir: string): Promise<Harness> {
  return startHarness({ dataDir });
}

/** Unpacks a committed chain (blocks.dat.gz, mempool.txt.gz, info.json) into a fresh directory. */
export async function unpackChain(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'drey-e2e-chain-'));
  await writeFile(join(dir, 'blocks.dat'), gunzipSync(await readFile(join(from, 'blocks.dat.gz'))));
  const mempool = join(from, 'mempool.txt.gz');
  await writeFile(join(dir, 'mempool.txt'), existsSync(mempool) ? gunzipSync(await readFile(mempool)) : '');
  await writeFile(join(dir, 'info.json'), await readFile(join(from, 'info.json')));
  return dir;
}
