/**
 * The Table screen's windowed list in Chromium with 100,000 rows: few DOM rows, every row reachable by keyboard.
 * (Main-thread long tasks while scrolling are measured in `npm run bench -- virtual-list`, not asserted here.)
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';
import { serveVirtualListPage, type VirtualListPage } from './pages/virtual-list-page';

let site: VirtualListPage;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await serveVirtualListPage();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.goto(site.url);
  await page.getByText('user-0', { exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const domRows = (): Promise<number> => page.locator('.vlist-row').count();

describe('when the table has 100,000 rows', () => {
  it('keeps only the rows in view (plus a margin) in the DOM', async () => {
    expect(await page.getByRole('table', { name: 'Allocation table' }).getAttribute('aria-rowcount')).toBe('100001');
    expect(await domRows()).toBeLessThan(50);
  });

  it('reaches the last row and back by keyboard, keeping the DOM small', async () => {
    await page.locator('.vlist-viewport').focus();
    await page.keyboard.press('End');
    await page.getByText('user-99999', { exact: true }).waitFor();
    expect(await domRows()).toBeLessThan(50);
    await page.keyboard.press('Home');
    await page.getByText('user-0', { exact: true }).waitFor();
    expect(await domRows()).toBeLessThan(50);
  });
});
