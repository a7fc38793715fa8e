/**
 * After a failed month (vectors/adversarial/month-failed: month 2 has no reveal and no final), the app shows month 2
 * failed and month 3 verified, saying that month 3 starts from month 1's table and month log.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { screenshot } from './harness';
import { axeViolations, runSummary, startOnData, unpackChain } from './app-driver';

const CASE = join('vectors/adversarial', 'month-failed');

describe.skipIf(!existsSync(join(CASE, 'blocks.dat.gz')))('when a month failed and the next one carries on', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await unpackChain(CASE);
    h = await startOnData(dir);
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const verdictOf = async (month: number) => {
    const page = await h.newPage();
    await page.goto(`${h.appUrl}#/month/${month}`);
    return { page, summary: await runSummary(page) };
  };

  it('shows the failed month rejected for having no final', async () => {
    const { page, summary } = await verdictOf(2);
    expect(summary).toMatch(/Rejected/);
    expect(await page.locator('li.step-failed code.code').allTextContents()).toContain('AGREEMENT_NO_FINAL');
    expect(await page.locator('.starts-from').count()).toBe(0);
  });

  it('shows the next month verified, starting from the month before the failed one', async () => {
    const { page, summary } = await verdictOf(3);
    expect(summary).toMatch(/Verified/);
    expect(await page.locator('.starts-from').textContent()).toMatch(/Month\(s\) 2 failed .* starts from month 1/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'month-after-failed');
  });
});
