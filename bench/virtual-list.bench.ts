/**
 * The Table screen's windowed list (100,000 rows) in headless Chromium: main-thread long tasks (> 50 ms) and the time
 * to show the last row and the first again by keyboard (End, Home), over repeated runs.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { serveVirtualListPage } from '../e2e/pages/virtual-list-page';
import { LONGTASK_PROBE, summariseLongTasks } from './browser/longtasks';
import { median } from './browser/widget-page';
import { fmt } from './stats';

const RUNS = 5;

export default async function bench(): Promise<void> {
  const site = await serveVirtualListPage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addInitScript(LONGTASK_PROBE);
    const page = await context.newPage();
    await page.goto(site.url);
    await page.getByText('user-0', { exact: true }).waitFor();
    const ends: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => (window as unknown as { __longtasks: { start(): void } }).__longtasks.start());
      await page.locator('.vlist-viewport').focus();
      const t0 = performance.now();
      await page.keyboard.press('End');
      await page.getByText('user-99999', { exact: true }).waitFor();
      await page.keyboard.press('Home');
      await page.getByText('user-0', { exact: true }).waitFor();
      ends.push(performance.now() - t0);
      tasks.push(...(await page.evaluate(() => (window as unknown as { __longtasks: { stop(): number[] } }).__longtasks.stop())));
    }
    const lt = summariseLongTasks(tasks);
    console.log(`virtual list, 100,000 rows: End then Home by keyboard ${fmt(median(ends))} ms median (${RUNS} runs, as seen from the test driver); long tasks ${lt.count} (max ${fmt(lt.maxMs)} ms)`);
  } finally {
    await browser.close();
    await site.close();
  }
}
