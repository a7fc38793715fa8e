/**
 * The first hour of a depositor, an auditor and an integrator, as a person meets it: `npm start`, the app at the
 * address it prints, a month opened while every month is verifying, a real depositor's allocation (the latest
 * finished month, their inputs and the formula), an id that is in no table, every page at desktop and phone size
 * (screenshots in e2e/screenshots/first-hour-*.png, axe-core clean), and the widget example `npm start` serves.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, screenshot } from './harness';
import { axeViolations } from './app-driver';
import { npmStart, type NpmStart } from './npm-start';

/** Each part of the walk-through verifies months in Chromium on a shared machine: generous limits, no timed assertions. */
const LONG = 900_000;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The depositor the widget example checks: a member of the ready-made chain. */
const EXAMPLE_USER = /user="([^"]+)"/.exec(readFileSync('examples/widget.html', 'utf8'))![1]!;

let start: NpmStart;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  start = await npmStart();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: DESKTOP });
  page.on('pageerror', (e) => console.error('[page error]', e.message));
});
afterAll(async () => {
  await browser?.close();
  await start?.stop();
});

/** Screenshots at desktop and phone size, each checked by axe-core; the page is left at desktop size. */
async function lookAt(name: string): Promise<void> {
  for (const [size, viewport] of [['1280x900', DESKTOP], ['390x844', PHONE]] as const) {
    await page.setViewportSize(viewport);
    expect(await axeViolations(page), `${name} at ${size}`).toEqual([]);
    await screenshot(page, `first-hour-${name}-${size}`);
  }
  await page.setViewportSize(DESKTOP);
}

async function nav(name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

const statusOf = async (month: number) => (await page.getByTestId(`month-status-${month}`).textContent()) ?? '';

describe('when a person runs npm start', () => {
  it('prints the app, the widget example and the devnet, each address once', () => {
    expect(start.output.split(start.devnetUrl).length - 1).toBe(1);
    expect(start.output.split(start.appUrl).length - 1).toBe(3); // the app, and the example and month packs beside it
    expect(start.output).toMatch(new RegExp(`^month packs +${start.appUrl}packs/ `, 'm'));
    expect(start.exampleUrl).toBe(new URL('examples/widget.html', start.appUrl).href);
  });
});

describe('when a person opens a month while the Months page verifies every month', () => {
  it('runs that month first: its steps start, its timer counts up from zero, the background month waits its turn', async () => {
    await page.goto(start.appUrl);
    await page.getByTestId('month-status-1').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => /verifying/.test(document.querySelector('[data-testid=month-status-1]')?.textContent ?? ''), null, { timeout: 120_000 });
    const opened = Date.now();
    await page.getByRole('link', { name: 'Open month 3' }).click();
    await page.getByRole('heading', { name: 'Month 3' }).waitFor();
    // Every step the run will take is listed at once; the first one starts as soon as the Worker takes the run.
    await page.waitForSelector('li.step[data-status=running], li.step[data-status=done]', { timeout: 120_000 });
    console.log(`[first hour] month 3's first step started ${Date.now() - opened} ms after it was opened`);
    expect(await page.locator('li.step').count()).toBeGreaterThanOrEqual(14);
    const timers: string[] = [];
    for (let i = 0; i < 5; i++) {
      timers.push((await page.locator('.run-summary .timer').textContent()) ?? '');
      await page.waitForTimeout(200);
    }
    for (const t of timers) expect(t).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    // While it runs, the timeline shows month 3 verifying and month 1 back in line.
    await nav('Months');
    expect(await statusOf(3)).toMatch(/verifying/);
    expect(await statusOf(1)).toMatch(/waiting to start \(#\d+ in line\)/);
    await lookAt('months-while-verifying');
    await page.getByRole('link', { name: 'Open month 3' }).click();
    // Long steps count what they have done and estimate what is left.
    const proofs = page.getByTestId('step-count-proofs');
    await proofs.waitFor({ timeout: 240_000 });
    expect(await proofs.textContent()).toMatch(/^[\d,]+ \/ [\d,]+ batch proofs( · about .+ left)?$/);
    await page.waitForFunction(() => /Verified|Rejected|Pending|Could not verify/.test(document.querySelector('.run-summary')?.textContent ?? ''), null, { timeout: 300_000 });
    expect(await page.locator('.run-summary').textContent()).toMatch(/✓ Verified/);
    await lookAt('month');
    await nav('Months');
    await page.getByRole('button', { name: 'Stop verifying every month' }).click();
    expect(await statusOf(3)).toMatch(/^✓ Verified/);
    await lookAt('months');
  }, LONG);
});

describe('when a depositor checks their allocation', () => {
  it('opens on the latest finished month and shows their inputs, the formula with their values, and the proofs they rest on', async () => {
    await nav('My allocation');
    await page.getByLabel('Your user id').fill(EXAMPLE_USER);
    await page.getByRole('button', { name: 'Check my allocation' }).click();
    const result = page.getByRole('region', { name: /Your allocation in month \d+/ });
    await result.waitFor({ timeout: 240_000 });
    // Month 7 is still in progress at the tip of the ready-made chain: month 6 is the latest finished one.
    expect(await result.getByRole('heading').first().textContent()).toBe('Your allocation in month 6');
    expect(await page.getByTestId('my-allocation').textContent()).toMatch(/^[\d,]+ Dreybits$/);
    const inputs = page.getByRole('table', { name: 'How your allocation follows from your inputs' });
    for (const name of ['Previous allocation', 'Alive this month', 'Deposit', 'Mortality rate used', 'Share of the month’s forfeitures']) {
      const row = inputs.getByRole('row', { name: new RegExp(name) });
      expect(await row.count(), name).toBe(1);
      expect((await row.textContent())!.length, name).toBeGreaterThan(60);
    }
    expect(await page.getByTestId('formula').textContent()).toMatch(/= [\d,]+ \+ [\d,]+ \+ [\d,]+ = [\d,]+/);
    await page.getByText('The computed root equals the root in the signed final message.').waitFor({ timeout: 60_000 });
    await page.getByRole('img', { name: 'Chart of your allocation by month' }).waitFor({ timeout: 240_000 });
    await lookAt('my-allocation');
  }, LONG);

  it('says an id that is in no table is not in the table (check the id), and never marks a month rejected', async () => {
    const unknown = 'u-not-a-member-0000';
    await page.getByLabel('Your user id').fill(unknown);
    await page.getByRole('button', { name: 'Check my allocation' }).click();
    const answer = page.getByRole('region', { name: 'Your id in month 6' }).getByTestId('alloc-answer');
    await answer.waitFor({ timeout: 240_000 });
    expect(await answer.textContent()).toMatch(/Not in this month’s table \(check the id\)/);
    await page.getByTestId('history-none').waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 600_000 });
    expect(await page.getByTestId('history-none').textContent()).toMatch(/in none of the months’ tables \(check the id\)/);
    expect(await page.getByRole('img', { name: 'Chart of your allocation by month' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/Rejected|MERKLE_USER_NOT_FOUND/);
    await lookAt('allocation-unknown-id');
    await nav('Report');
    await page.getByRole('button', { name: 'Download all verified months (JSON)' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Rejected/);
    await lookAt('report');
    await nav('Months');
    for (let m = 1; m <= 7; m++) expect(await statusOf(m), `month ${m}`).not.toMatch(/Rejected/);
  }, LONG);
});

describe('when an auditor goes through the other pages', () => {
  it('shows the table, the ranking and the settings of the verified month', async () => {
    await page.goto(`${start.appUrl}#/table/3`);
    await page.getByText(/ of [\d,]+ rows/).waitFor({ timeout: 60_000 });
    await lookAt('table');
    await nav('Ranking');
    await page.getByLabel('Month', { exact: true }).selectOption('3');
    await page.getByRole('table', { name: 'Month 3' }).waitFor({ timeout: 60_000 });
    await lookAt('ranking');
    await nav('Settings');
    await page.getByRole('heading', { name: 'Network settings' }).waitFor();
    await lookAt('settings');
  }, LONG);
});

describe('when an integrator opens the widget example npm start serves', () => {
  it('shows both badges verified, in words', async () => {
    const example = await browser.newPage({ viewport: DESKTOP });
    await example.goto(start.exampleUrl);
    for (const id of ['month-badge', 'user-badge']) {
      await example.waitForFunction((sel) => /^(verified|rejected|pending|unavailable|misconfigured|not-in-table)$/.test(document.querySelector(sel)?.getAttribute('status') ?? ''), `#${id}`, { timeout: 300_000 });
      const text = (await example.locator(`#${id}`).getByRole('status').textContent()) ?? '';
      expect(await example.locator(`#${id}`).getAttribute('status'), `${id}: ${text}`).toBe('verified');
      expect(text).toMatch(/Verified by your browser/);
    }
    for (const [size, viewport] of [['1280x900', DESKTOP], ['390x844', PHONE]] as const) {
      await example.setViewportSize(viewport);
      expect(await axeViolations(example), size).toEqual([]);
      await screenshot(example, `first-hour-widget-example-${size}`);
    }
  }, LONG);
});
