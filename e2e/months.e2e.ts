/**
 * The scenario chain, verified in the built app as a person would: every month's true status on the timeline, a
 * month's staged checks, the allocation table, a depositor's allocation and path, the ranking's protocol rules, the
 * report export, and an offline reload that re-verifies from the IndexedDB cache with the same verdict.
 * DREY_E2E_DATA=<data dir> runs the specs against another generated chain instead of the committed fixture.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startHarness, type Harness } from './harness';
import { axeViolations, longTasks, monthStatus, recordLongTasks, runSummary, startOnData } from './app-driver';

let h: Harness;
let genesis: string | null = null;
/** Completed months in the scenario (one more is in progress at the tip). */
let completed = 0;
let page: Page;

beforeAll(async () => {
  h = process.env.DREY_E2E_DATA ? await startOnData(process.env.DREY_E2E_DATA) : await startHarness();
  const info = await h.devnet.info();
  genesis = info.genesis ?? null;
  completed = typeof info.months === 'number' ? info.months : 0;
  page = await h.newPage();
});
afterAll(async () => {
  await h?.close();
});

async function nav(name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function timelineMonths(): Promise<number[]> {
  const rows = page.locator('tr[data-month]');
  return (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-month')))));
}

describe('when every month of the scenario is verified from the timeline', () => {
  it('shows each completed month verified and the month at the tip pending, with the time each took', async (ctx) => {
    if (!genesis) return ctx.skip();
    await page.goto(h.appUrl);
    await recordLongTasks(page);
    // Opening the timeline starts verifying every month, oldest first.
    await page.getByTestId('month-status-1').waitFor({ timeout: 60_000 });
    const months = await timelineMonths();
    if (!completed) completed = months.length - 1;
    expect(months.length).toBeGreaterThanOrEqual(completed + 1);
    for (const m of months) {
      const status = await monthStatus(page, m, 600_000);
      if (m <= completed) expect(status, `month ${m}`).toMatch(/^✓ Verified/);
      else expect(status, `month ${m}`).toMatch(/Pending/);
    }
    const tasks = await longTasks(page);
    console.log(`[months] main-thread long tasks during verification of ${months.length} months: ${tasks.length ? tasks.join(', ') + ' ms' : 'none'}`);
    expect(await page.locator('tr[data-month="1"] td').nth(1).textContent()).toMatch(/\d+(\.\d+)? (ms|s)/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'months-timeline');
  }, 900_000);
});

describe('when a person opens a verified month', () => {
  it('shows every check in order with its timer and what it proved, and the proves / does-not-prove box', async (ctx) => {
    if (!genesis) return ctx.skip();
    await page.getByRole('link', { name: 'Open month 1' }).click();
    await page.getByRole('heading', { name: 'Month 1' }).waitFor();
    const steps = page.getByRole('list', { name: 'Checks, in order' }).locator('li.step');
    await page.waitForFunction(() => document.querySelectorAll('li.step').length >= 10);
    const names = await steps.locator('.step-name').allTextContents();
    expect(names.slice(0, 4)).toEqual(['Fetch', 'Trust anchors', 'Headers', 'Inscriptions']);
    expect(names).toContain('Proofs');
    expect(names).toContain('Program re-execution');
    expect(await page.locator('li.step-failed').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'What this verification proves, and what it does not' }).isVisible()).toBe(true);
    expect(await page.getByText('It does not prove (assumptions that remain)').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'month-staged');
  });
});

describe('when a person opens the allocation table', () => {
  it('shows the verified rows, finds a user id, sorts by allocation and downloads CSV and Parquet', async (ctx) => {
    if (!genesis) return ctx.skip();
    await nav('Table');
    await page.getByLabel('Month', { exact: true }).selectOption('1');
    const count = page.getByText(/ of [\d,]+ rows/);
    await count.waitFor({ timeout: 60_000 });
    const cells = page.getByRole('table', { name: 'Allocation table' }).getByRole('cell');
    const someUser = (await cells.nth(4).textContent())!;
    await page.getByLabel('Search by user id').fill(someUser);
    await page.waitForFunction(() => /^1 of /.test(document.querySelector('p[role=status].muted')?.textContent ?? ''));
    await page.getByLabel('Search by user id').fill('');
    await page.getByLabel('Sort').selectOption('desc');
    const allocations = (await page.locator('.vrow .c-alloc[role=cell]').allTextContents()).slice(0, 10).map((s) => Number(s.replace(/,/g, '')));
    expect(allocations).toEqual([...allocations].sort((a, b) => b - a));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect((await readFile((await csv.path())!, 'utf8')).split('\r\n')[0]).toBe('row,user_id,allocation');
    const [pq] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Parquet (verified bytes)' }).click()]);
    expect((await readFile((await pq.path())!)).subarray(0, 4).toString()).toBe('PAR1');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'table');
  });
});

describe('when a depositor checks their own allocation', () => {
  it('finds it (same as the table row), draws the path to the month root and charts it across months', async (ctx) => {
    if (!genesis) return ctx.skip();
    await page.getByLabel('Sort').selectOption('row');
    const cells = page.getByRole('table', { name: 'Allocation table' }).getByRole('cell');
    const user = (await cells.nth(7).textContent())!;
    const allocation = (await cells.nth(8).textContent())!;
    await page.goto(`${h.appUrl}#/allocation/1&user=${encodeURIComponent(user)}`);
    const mine = page.getByTestId('my-allocation');
    await mine.waitFor({ timeout: 120_000 });
    expect(await mine.textContent()).toBe(`${allocation} Dreybits`);
    await page.getByText('The computed root equals the root in the signed final message.').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('list', { name: 'Your inclusion path, step by step' }).locator('li').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('img', { name: 'Chart of your allocation by month' }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 300_000 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'my-allocation');
  }, 600_000);
});

describe('when a person reads the actuary ranking', () => {
  it('follows the protocol: one lead, secondaries in race order, rewards falling with rank, penalties where earned', async (ctx) => {
    if (!genesis) return ctx.skip();
    // Still the same page: the months verified above are in the store.
    await nav('Months');
    await page.getByTestId('month-status-1').waitFor({ timeout: 60_000 });
    if (/not verified yet/.test((await page.getByTestId('month-status-1').textContent()) ?? '')) await page.getByRole('button', { name: 'Verify every month' }).click();
    for (const m of (await timelineMonths())) await monthStatus(page, m, 600_000);
    const penaltyReasons = new Set<string>();
    for (let m = 1; m <= completed; m++) {
      await page.goto(`${h.appUrl}#/ranking/${m}`);
      const table = page.getByRole('table', { name: `Month ${m}` });
      await table.waitFor({ timeout: 60_000 });
      const roles = await table.locator('tbody th').allTextContents();
      expect(roles.filter((r) => r === 'Lead').length, `month ${m} lead`).toBe(1);
      const ranks = roles.filter((r) => r.startsWith('Secondary')).map((r) => Number(r.replace(/\D/g, '')));
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
      // Rewards fall with race rank among actuaries in good standing (the lead first); penalised ones earn nothing.
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs
        .filter((r) => /Lead|Secondary/.test(r.querySelector('th')?.textContent ?? ''))
        .map((r) => ({ reward: Number((r.querySelectorAll('td')[5]?.textContent ?? '0').replace(/,/g, '')), penalised: (r.querySelectorAll('td')[6]?.textContent ?? '—') !== '—' })));
      const good = rows.filter((r) => !r.penalised).map((r) => r.reward);
      expect(good, `month ${m} rewards by rank`).toEqual([...good].sort((a, b) => b - a));
      // The fee is a share of last month's assets: month 1 has none to share.
      if (m > 1) expect(good[0], `month ${m} lead's reward`).toBeGreaterThan(0);
      for (const r of rows.filter((x) => x.penalised)) expect(r.reward, `month ${m} penalised reward`).toBe(0);
      for (const p of await table.locator('tbody td:last-child').allTextContents()) for (const x of p.matchAll(/([a-z_]+) \(/g)) penaltyReasons.add(x[1]!);
      if (m === 2) await screenshot(page, 'ranking-month');
    }
    if (completed >= 3) {
      expect(penaltyReasons.has('missed_deadline')).toBe(true);
      expect(penaltyReasons.has('disagreed')).toBe(true);
    }
    const allTime = page.getByRole('table').nth(1);
    expect(await allTime.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ranking');
  });
});

describe('when an auditor exports the report', () => {
  it('downloads JSON with every check, evidence, versions and inputs’ hashes', async (ctx) => {
    if (!genesis) return ctx.skip();
    await nav('Report');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all verified months (JSON)' }).click()]);
    const doc = JSON.parse(await readFile((await dl.path())!, 'utf8')) as { versions: { app: string }; months: { month: number; checks: unknown[]; inputsHashes: Record<string, string> }[] };
    expect(doc.versions.app).toMatch(/^\d+\.\d+\.\d+$/);
    const m1 = doc.months.find((m) => m.month === 1)!;
    expect(m1.checks.length).toBeGreaterThan(10);
    expect(Object.keys(m1.inputsHashes).length).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'report');
  });
});

describe('when a person cancels a verification', () => {
  it('stops it and says nothing was concluded', async (ctx) => {
    if (!genesis) return ctx.skip();
    await page.goto(`${h.appUrl}#/month/2`);
    const rerun = page.getByRole('button', { name: /^(Re-verify|Verify)$/ });
    const cancel = page.getByRole('button', { name: 'Cancel verification' });
    await rerun.or(cancel).first().waitFor({ timeout: 60_000 });
    if (await rerun.isVisible()) await rerun.click();
    await cancel.click();
    await page.getByText('The verification was cancelled. Nothing was concluded.').waitFor({ timeout: 30_000 });
    expect(await page.locator('.run-summary').textContent()).toMatch(/Cancelled/);
  });
});

describe('when the Esplora host becomes unreachable and the page is reloaded', () => {
  it('re-verifies a month from the IndexedDB cache with the same verdict', async (ctx) => {
    if (!genesis) return ctx.skip();
    const host = new URL(h.devnetUrl).origin;
    await page.route(`${host}/**`, (r) => r.abort('internetdisconnected'));
    await page.goto(`${h.appUrl}#/month/1`);
    await page.reload();
    const summary = page.getByRole('status').filter({ hasText: 'Verdict' }).or(page.locator('.run-summary'));
    await runSummary(page);
    const text = (await summary.first().textContent()) ?? '';
    expect(text).toMatch(/✓ Verified/);
    expect(text).toMatch(/from cache/);
    await screenshot(page, 'month-offline');
    await page.unroute(`${host}/**`);
  });
});
