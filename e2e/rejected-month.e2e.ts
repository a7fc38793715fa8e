/**
 * An adversarial month (vectors/adversarial/<case>: a chain whose month 2 breaks the protocol) is shown rejected,
 * with the failing check's code, a plain-language explanation and what to do.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { screenshot } from './harness';
import { axeViolations, runSummary, startOnData, unpackChain } from './app-driver';

const VECTORS = 'vectors/adversarial';
/** The cases shown in the browser (the CLI and unit tests cover every case). */
const CASES = ['stake-spent', 'reveal-key-wrong', 'final-table-root'];
const available = existsSync(VECTORS) ? CASES.filter((c) => existsSync(join(VECTORS, c, 'blocks.dat.gz'))) : [];

describe.skipIf(available.length === 0)('when a month breaks the protocol', () => {
  for (const kind of available) {
    describe(`(${kind})`, () => {
      let h: Harness;
      let dir: string;
      let expected: { month: number; code: string };
      beforeAll(async () => {
        expected = JSON.parse(await readFile(join(VECTORS, kind, 'expected.json'), 'utf8')) as { month: number; code: string };
        dir = await unpackChain(join(VECTORS, kind));
        h = await startOnData(dir);
      });
      afterAll(async () => {
        await h?.close();
        await rm(dir, { recursive: true, force: true });
      });

      it('shows the month rejected, the failing check’s code and what it means', async () => {
        const page = await h.newPage();
        await page.goto(`${h.appUrl}#/month/${expected.month}`);
        expect(await runSummary(page)).toMatch(/✗ Rejected: [A-Z_]+/);
        const failed = page.locator('li.step-failed');
        expect(await failed.count()).toBeGreaterThan(0);
        const codes = await page.locator('li.step-failed code.code').allTextContents();
        expect(codes).toContain(expected.code);
        expect(await failed.first().getByText('What it means').first().isVisible()).toBe(true);
        expect(await failed.first().getByText('What you can do').first().isVisible()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `month-rejected-${kind}`);
      });
    });
  }
});
