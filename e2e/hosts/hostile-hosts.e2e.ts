/**
 * The built app through hostile Esplora hosts (scripts/hostile proxies in front of the devnet): a flaky host never
 * makes a month rejected (a rate-limited one leaves it verified), a lying host before an honest one is caught and
 * named while the month verifies, and a host sending an endless body leaves the month unavailable. CI verifies one
 * month per proxy; DREY_HOSTILE_ALL=1 (npm run hostile:app) verifies every month from the timeline through each, and
 * adds a host resetting half its connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHostileProxy, type HostileProxy } from '../../scripts/hostile/proxy';
import { monthStatus, runSummary } from '../app-driver';
import { screenshot, startHarness, type Harness } from '../harness';

const ALL = process.env.DREY_HOSTILE_ALL === '1';
let h: Harness;
let completed = 6;

beforeAll(async () => {
  h = await startHarness();
  const info = await h.devnet.info();
  if (typeof info.months === 'number') completed = info.months;
});
afterAll(() => h?.close());

/** A fresh page (its own IndexedDB cache) whose settings name `hosts`, at `hash`. */
async function open(hosts: string[], hash: string): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.appUrl}?esplora=${encodeURIComponent(hosts.join(','))}${hash}`);
  return page;
}

async function through<T>(preset: string, fn: (p: HostileProxy) => Promise<T>): Promise<T> {
  const p = await startHostileProxy({ upstream: h.devnetUrl, faults: [preset] });
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}

/** Every completed month's status on the timeline (DREY_HOSTILE_ALL) or month 3's run summary. */
async function statuses(hosts: string[]): Promise<Record<number, string>> {
  if (!ALL) return { 3: await runSummary(await open(hosts, '#/month/3'), 600_000) };
  const page = await open(hosts, '');
  const out: Record<number, string> = {};
  for (let m = 1; m <= completed; m++) out[m] = await monthStatus(page, m, 900_000);
  return out;
}

describe('when the app reads through a flaky host', { timeout: 3_600_000 }, () => {
  it.each(['429-30', '503-30', 'reset-10', ...(ALL ? ['reset-50'] : [])])('(%s) no month is rejected; a rate limit only slows the verdict down', async (preset) => {
    await through(preset, async (p) => {
      const got = await statuses([p.url]);
      console.log(`[hostile app] ${preset}: ${JSON.stringify(got)} — proxy injected ${JSON.stringify(p.stats.injected)}`);
      for (const [m, text] of Object.entries(got)) {
        expect(text, `month ${m}`).not.toMatch(/Rejected/);
        expect(text, `month ${m}`).toMatch(preset === '429-30' ? /✓ Verified/ : /✓ Verified|Unavailable/);
      }
      expect(Object.values(p.stats.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });
  });
});

describe('when a lying host comes before an honest one', { timeout: 1_800_000 }, () => {
  it.each(['flip-witness', 'drop-listing'])('(%s) the month verifies and the page names the liar', async (preset) => {
    await through(preset, async (p) => {
      const page = await open([p.url, h.devnetUrl], '#/month/2');
      expect(await runSummary(page, 600_000)).toMatch(/✓ Verified/);
      expect(await page.getByTestId('host-liars').textContent()).toContain(p.url);
      await screenshot(page, `month-liar-${preset}`);
    });
  });
});

describe('when the only host streams an endless body', { timeout: 600_000 }, () => {
  it('the month is unavailable, not rejected, and says why', async () => {
    await through('endless', async (p) => {
      const page = await open([p.url], '#/month/2');
      const text = await runSummary(page, 300_000);
      expect(text).toMatch(/Unavailable/);
      expect(text).toContain('FETCH_TOO_LARGE');
      await screenshot(page, 'month-unavailable-endless');
    });
  });
});
