/**
 * Month packs as `npm start` publishes them (built in the background, served beside the app at ./packs): a
 * depositor's cold quick check in a fresh browser reads the month's pack and asks the devnet for little else, with the
 * verdict and allocation it gets without packs; a pack for another month, or one that is not JSON, is refused, said
 * so in one line, and changes nothing else. The widget example reads the same packs through the app's config file.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { screenshot, startHarness, type Harness } from './harness';
import { devnetClient, latestSettledMonth } from './pages/devnet-facts';
import { serveApp, type AppServer, type RuntimeConfig } from '../scripts/serve-app';
import type { PackSource } from '../scripts/month-packs';
import type { PackDepth } from '../src/core/esplora/pack';
import { verifyMonth } from '../src/core/pipeline';

/** A depositor of the ready-made chain (the widget example's). */
const USER = /user="([^"]+)"/.exec(readFileSync('examples/widget.html', 'utf8'))![1]!;
/** What a cold quick check may ask the hosts for when the month's pack is used (about 41 without it). */
const MAX_REQUESTS_WITH_PACK = 12;

let h: Harness;
let month: number;
let nodeAllocation: string | undefined;
/** The same app without packs, and with bad ones. */
let plain: AppServer;
let otherMonth: AppServer;
let garbage: AppServer;
/** Packs that never come (until the server closes). */
let hanging: AppServer;
let release: () => void = () => {};

/** Packs served as another server publishes them, each under another month's name. */
function packsOfMonth(from: string, which: (month: number) => number): PackSource {
  return {
    async get(m: number, depth: PackDepth) {
      const res = await fetch(new URL(`packs/month-${which(m)}.${depth}.json`, from));
      return res.ok ? res.text() : undefined;
    },
    ready: Promise.resolve(),
    stop: async () => {},
  };
}

beforeAll(async () => {
  h = await startHarness({ packs: true });
  const genesis = (await h.devnet.info()).genesis!;
  const client = devnetClient(h.devnetUrl);
  month = (await latestSettledMonth(client, genesis)).month;
  nodeAllocation = (await verifyMonth({ client, network: 'regtest', genesisId: genesis, month, depth: 'quick', user: USER })).report.allocation?.allocation;
  await h.app.packsReady;
  const config = (await (await fetch(new URL('drey-config.json', h.appUrl))).json()) as RuntimeConfig;
  expect(config.packs).toBe('./packs');
  plain = await serveApp({ port: 0, config: { ...config, packs: null } });
  otherMonth = await serveApp({ port: 0, config, packs: packsOfMonth(h.appUrl, (m) => (m > 1 ? m - 1 : m + 1)) });
  garbage = await serveApp({ port: 0, config, packs: { get: async () => '{"format":"drey-pack/1","entries":{', ready: Promise.resolve(), stop: async () => {} } });
  const never = new Promise<undefined>((ok) => { release = () => ok(undefined); });
  hanging = await serveApp({ port: 0, config, packs: { get: () => never, ready: Promise.resolve(), stop: async () => release() } });
});
afterAll(async () => {
  release();
  await Promise.all([plain?.close(), otherMonth?.close(), garbage?.close(), hanging?.close()]);
  await h?.close();
});

interface QuickCheck {
  /** From the click to the result. */
  ms: number;
  /** Esplora requests of the check (from the click to the result, as the browser saw them), and of the page from its load. */
  requests: number;
  pageRequests: number;
  allocation: string;
  packLine: string;
  /** The month's report as the Report page exports it. */
  exported: { requests: number; verdict: string; pack?: { outcome: string; url: string; reason?: string; read?: number } };
}

/** A depositor's quick check of `month` in a fresh browser context (nothing cached), as a person does it. */
async function coldQuickCheck(appUrl: string, shot?: string): Promise<QuickCheck> {
  const context = await h.browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    // The verifier Worker's requests are the page's too.
    const esplora: Request[] = [];
    page.on('request', (r) => { if (r.url().startsWith(h.devnetUrl)) esplora.push(r); });
    await page.goto(`${appUrl}#/allocation/${month}`);
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Check my allocation' && !b.disabled), null, { timeout: 120_000 });
    await page.getByLabel('Your user id').fill(USER);
    // When the result is drawn (the depositor's history starts checking other months right after).
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid=my-allocation]')) return;
        (window as unknown as { resultAt: number }).resultAt = Date.now();
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    const clickAt = await page.evaluate(() => Date.now());
    await page.getByRole('button', { name: 'Check my allocation' }).click();
    const result = page.getByRole('region', { name: `Your allocation in month ${month}` });
    await result.waitFor({ timeout: 240_000 });
    const resultAt = await page.evaluate(() => (window as unknown as { resultAt: number }).resultAt);
    const ms = resultAt - clickAt;
    // Requests started before the result was drawn (their start times are the browser's wall clock, as Date.now()).
    const started = esplora.map((r) => r.timing().startTime).filter((t) => t > 0 && t <= resultAt);
    const requests = started.filter((t) => t >= clickAt).length;
    const pageRequests = started.length;
    const allocation = (await page.getByTestId('my-allocation').textContent()) ?? '';
    const packLine = (await result.getByTestId('month-pack').textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (shot) await screenshot(page, shot);
    // The page stays usable: the Report page exports the check.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download JSON report of month ${month} (quick)` }).click(),
    ]);
    const doc = JSON.parse(await readFile((await download.path())!, 'utf8')) as { months: QuickCheck['exported'][] };
    return { ms, requests, pageRequests, allocation, packLine, exported: doc.months[0]! };
  } finally {
    await context.close();
  }
}

describe('when a depositor checks their allocation on a site that publishes month packs', () => {
  let without: QuickCheck;
  let withPack: QuickCheck;

  it('a cold quick check uses the month’s pack: the same allocation, a fraction of the requests', async () => {
    without = await coldQuickCheck(plain.url);
    withPack = await coldQuickCheck(h.appUrl, 'allocation-with-month-pack');
    console.log(`[month packs] cold quick check of month ${month} in Chromium: without a pack ${without.ms} ms, ${without.requests} Esplora requests (${without.pageRequests} since the page loaded); `
      + `with it ${withPack.ms} ms, ${withPack.requests} requests (${withPack.pageRequests}); ${withPack.packLine}`);
    expect(without.allocation).toMatch(/^[\d,]+ Dreybits$/);
    expect(without.allocation.replace(/\D/g, '')).toBe(nodeAllocation);
    expect(withPack.allocation).toBe(without.allocation);
    expect(withPack.exported.verdict).toBe(without.exported.verdict);
    expect(withPack.exported.verdict).toBe('verified');
    expect(without.packLine).toBe('');
    expect(without.exported.pack).toBeUndefined();
    expect(withPack.packLine).toMatch(/^Month pack: used \(\d+ of its \d+ entries read, each checked again\)$/);
    expect(withPack.exported.pack).toMatchObject({ outcome: 'used', url: new URL(`packs/month-${month}.quick.json`, h.appUrl).href });
    expect(withPack.exported.pack!.read).toBeGreaterThan(0);
    // The address names the month and the depth only, never the depositor.
    expect(withPack.exported.pack!.url).not.toContain(USER);
    // The browser saw what the report counts.
    expect(withPack.requests).toBe(withPack.exported.requests);
    expect(without.requests).toBe(without.exported.requests);
    expect(withPack.requests).toBeLessThanOrEqual(MAX_REQUESTS_WITH_PACK);
    expect(withPack.requests).toBeLessThan(without.requests);
  }, 600_000);

  it.each([
    ['for another month', () => otherMonth, /^Month pack: refused \(for another month\); the month was checked against the hosts alone$/],
    ['not JSON', () => garbage, /^Month pack: refused \(not JSON\); the month was checked against the hosts alone$/],
  ])('a pack that is %s is refused, said so, and changes nothing else', async (_what, server, line) => {
    const bad = await coldQuickCheck(server().url, `allocation-month-pack-${_what.replace(/ /g, '-')}`);
    expect(bad.packLine).toMatch(line);
    expect(bad.exported.pack).toMatchObject({ outcome: 'refused' });
    expect(bad.exported.verdict).toBe('verified');
    expect(bad.allocation).toBe(without.allocation);
  }, 600_000);
});

describe('when a person cancels a check while its pack is still on its way', () => {
  it('stops at once and says nothing was concluded', async () => {
    const context = await h.browser.newContext();
    try {
      const page = await context.newPage();
      const packAsked = page.waitForRequest((r) => r.url().includes('/packs/month-'), { timeout: 120_000 });
      await page.goto(`${hanging.url}#/month/${month}`);
      await packAsked;
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Cancel verification' }).click();
      await page.getByText('The verification was cancelled. Nothing was concluded.').waitFor({ timeout: 30_000 });
      // Sooner than the 5 s a pack is waited for: the cancel reached the pack's request.
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(await page.locator('.run-summary').textContent()).toMatch(/Cancelled/);
    } finally {
      await context.close();
    }
  }, 300_000);
});

describe('when the widget example reads the app’s config file', () => {
  it('its badges use the published packs, relative to the config file', async () => {
    const context = await h.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL('examples/widget.html', h.appUrl).href);
      for (const id of ['month-badge', 'user-badge']) {
        await page.waitForFunction((sel) => /^(verified|rejected|pending|unavailable|misconfigured|not-in-table)$/.test(document.querySelector(sel)?.getAttribute('status') ?? ''), `#${id}`, { timeout: 300_000 });
        const verdict = await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement & { verdict: { status: string; month: number; pack?: { outcome: string; url: string } } }).verdict, `#${id}`);
        expect(verdict.status, id).toBe('verified');
        expect(verdict.pack, id).toMatchObject({ outcome: 'used', url: new URL(`packs/month-${verdict.month}.${id === 'user-badge' ? 'quick' : 'full'}.json`, h.appUrl).href });
      }
    } finally {
      await context.close();
    }
  }, 600_000);
});
