/**
 * The app shell as a person meets it: navigation by keyboard and links, focus on each page's heading, coded and
 * explained errors, and no serious or critical accessibility violations on any screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type Harness } from './harness';
import { axeViolations } from './app-driver';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const PAGES = ['Months', 'Table', 'My allocation', 'Ranking', 'Report', 'Settings'] as const;

describe('when a person moves through the app with the main navigation', () => {
  it('reaches every screen, lands focus on its heading, and each screen passes the accessibility check', async () => {
    const page = await h.newPage();
    await page.goto(h.appUrl);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    for (const name of PAGES) {
      await nav.getByRole('link', { name, exact: true }).click();
      const focused = await page.waitForFunction(() => document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : null);
      expect(String(await focused.jsonValue())).toMatch(name === 'Settings' ? /settings/i : name === 'My allocation' ? /allocation/i : new RegExp(name.split(' ')[0]!, 'i'));
      expect(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `shell-${name.toLowerCase().replace(/ /g, '-')}`);
    }
  });

  it('can be driven from the keyboard alone', async () => {
    const page = await h.newPage();
    await page.goto(h.appUrl);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Tab'); // skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // Table
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/table'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('table-heading');
  });
});

describe('when the genesis id is malformed', () => {
  it('explains the coded error and what to do', async () => {
    const page = await h.newPage();
    await page.goto(`${h.appUrl}?network=regtest&esplora=${encodeURIComponent(h.devnetUrl)}&genesis=not-an-id#/months`);
    const alert = page.getByRole('region', { name: 'Months' }).getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/ANCHOR_GENESIS_ID/);
    expect(text).toMatch(/What you can do/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'months-bad-genesis');
  });
});

describe('when the genesis names a transaction the host does not have', () => {
  it('says the object is not on the host’s chain instead of hanging', async () => {
    const page = await h.newPage();
    const missing = `${'ab'.repeat(32)}i0`;
    await page.goto(`${h.appUrl}?network=regtest&esplora=${encodeURIComponent(h.devnetUrl)}&genesis=${missing}#/months`);
    const alert = page.getByRole('region', { name: 'Months' }).getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/FETCH_/);
  });
});

describe('when a depositor opens a link with their user id in the fragment', () => {
  it('fills the form from the fragment, and the id never appears in the query string sent to the server', async () => {
    const page = await h.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${h.appUrl}#user=u-secret-42`);
    const input = page.getByLabel('Your user id');
    await input.waitFor();
    expect(await input.inputValue()).toBe('u-secret-42');
    await page.waitForTimeout(1000);
    expect(requests.filter((u) => u.includes('u-secret-42'))).toEqual([]);
  });
});
