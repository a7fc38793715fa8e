/**
 * The embeddable widget (dist/widget.js) on the example host page exactly as `npm start` serves it (examples/ next to
 * the app, settings from the app's drey-config.json) while the devnet's Esplora API answers on another origin:
 * verdict, report link, attribute changes, cancellation, a page of another origin, cross-origin script, accessibility.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, startHarness, type Harness } from './harness';
import { devnetClient, latestSettledMonth } from './pages/devnet-facts';
import { serveStatic, type StaticServer } from './pages/static-server';
import { verifyMonth } from '../src/core/pipeline';
import type { Verdict } from '../src/core/month/report';

/** The depositor the example page's second badge checks (a member of the ready-made chain). */
const EXAMPLE_USER = /user="([^"]+)"/.exec(readFileSync('examples/widget.html', 'utf8'))![1]!;
const EXAMPLE_URL = () => new URL('examples/widget.html', h.appUrl).href;
const SETTLED = /^(verified|rejected|pending|unavailable|misconfigured)$/;

let h: Harness;
let site: StaticServer;
let cdn: StaticServer;
let tipHeight: number;
let genesis: string;
/** The month the page's badges speak for, a depositor of it, and the verdicts src/core gives in Node. */
let month: number;
let fullVerdict: Verdict;
let quickVerdict: Verdict;

/** The badge's status for a report verdict. */
const BADGE_STATUS: Record<Verdict, string> = { verified: 'verified', rejected: 'rejected', pending: 'pending', unavailable: 'unavailable' };

beforeAll(async () => {
  h = await startHarness();
  tipHeight = Number(await (await fetch(`${h.devnetUrl}/blocks/tip/height`)).text());
  genesis = (await h.devnet.info()).genesis!;
  const client = devnetClient(h.devnetUrl);
  const latest = await latestSettledMonth(client, genesis);
  month = latest.month;
  fullVerdict = latest.report.verdict;
  quickVerdict = (await verifyMonth({ client, network: 'regtest', genesisId: genesis, month, depth: 'quick', user: EXAMPLE_USER })).report.verdict;
  // Another origin than the app's: a page whose only script is the CDN's widget.js, and a host page of its own.
  site = await serveStatic({
    mounts: [{ prefix: '/', dir: 'dist' }],
    pages: {
      '/host.html': () => `<!doctype html><html lang="en"><head><title>Widget host page</title>
        <script type="module" src="./widget.js"></script></head><body><main></main></body></html>`,
      '/cdn.html': () => `<!doctype html><html lang="en"><head><title>Widget from another origin</title>
        <script type="module" src="${cdn.url}/widget.js"></script></head>
        <body><drey-verify id="cdn-badge" network="regtest" esplora="${h.devnetUrl}" rps="50"></drey-verify></body></html>`,
    },
  });
  // A third origin that serves only the widget, as a CDN would (with CORS, as module scripts need).
  cdn = await serveStatic({ mounts: [{ prefix: '/', dir: 'dist' }], cors: true });
});
afterAll(async () => {
  await site?.close();
  await cdn?.close();
  await h?.close();
});

function badge(page: Page, id: string) {
  return page.locator(`drey-verify#${id}`);
}

async function waitForStatus(page: Page, id: string, status: string | RegExp, timeout = 150_000): Promise<void> {
  await page.waitForFunction(
    ([sel, s, isRe]) => {
      const v = document.querySelector(sel)?.getAttribute('status') ?? '';
      return isRe ? new RegExp(s).test(v) : v === s;
    },
    [`drey-verify#${id}`, status instanceof RegExp ? status.source : status, status instanceof RegExp] as const,
    { timeout },
  );
}

/** Paths the page (and its workers) asked the app's server for. */
const exampleRequests: string[] = [];

describe('when the example page, as npm start serves it, embeds the widget', () => {
  it('shows the month\'s verdict (full) and the depositor\'s (quick), as src/core gives them in Node, with the time taken', async () => {
    const page = await h.newPage();
    page.on('request', (r) => { if (r.url().startsWith(h.appUrl)) exampleRequests.push(new URL(r.url()).pathname); });
    await page.goto(EXAMPLE_URL());
    await waitForStatus(page, 'month-badge', SETTLED);
    await waitForStatus(page, 'user-badge', SETTLED);
    expect(await badge(page, 'month-badge').getAttribute('status')).toBe(BADGE_STATUS[fullVerdict]);
    expect(await badge(page, 'user-badge').getAttribute('status')).toBe(BADGE_STATUS[quickVerdict]);
    for (const id of ['month-badge', 'user-badge']) {
      const status = badge(page, id).getByRole('status');
      const text = (await status.textContent()) ?? '';
      expect(text).toContain(`Month ${month}`);
      if ((await badge(page, id).getAttribute('status')) === 'verified') {
        expect(text).toContain('Verified by your browser');
        expect(text).toMatch(/in \d+(\.\d+)? (ms|s)/);
      }
      expect(await status.getAttribute('aria-live')).toBe('polite');
    }
    const verdict = await page.evaluate(() => (document.querySelector('drey-verify#month-badge') as unknown as { verdict: { month: number } }).verdict);
    expect(verdict.month).toBe(month);
    await screenshot(page, 'widget');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'widget-dark');
  });

  it('loads its worker from the file emitted next to widget.js (resolved from the script URL)', async () => {
    const workerFile = exampleRequests.find((p) => /^\/widget-worker-[\w-]+\.js$/.test(p));
    expect(workerFile).toBeDefined();
    expect(await readFile(`dist${workerFile!}`, 'utf8')).toContain('Comlink');
    // The month pipeline is a lazy chunk of the worker, and the program runs in its own nested worker.
    expect(exampleRequests.some((p) => /^\/widget-month-verdict-[\w-]+\.js$/.test(p))).toBe(true);
    expect(exampleRequests.some((p) => /^\/widget-program-worker-[\w-]+\.js$/.test(p))).toBe(true);
    // Both badges verified in the page's one verifier Worker.
    expect(exampleRequests.filter((p) => /^\/widget-worker-[\w-]+\.js$/.test(p))).toHaveLength(1);
    // The settings came from the app's runtime config, as on npm start.
    expect(exampleRequests).toContain('/drey-config.json');
  });

  it('keeps widget.js within its budget (120 KB gzip) as one module with no React and no static import', async () => {
    const code = await readFile('dist/widget.js', 'utf8');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(120 * 1024);
    expect(code).not.toMatch(/\bfrom\s*["']|\bimport\s*["']/);
    expect(code).not.toContain('react.element');
  });

  it('links to the full report: settings in the query, the user id only in the fragment', async () => {
    const page = await h.newPage();
    await page.goto(EXAMPLE_URL());
    await waitForStatus(page, 'user-badge', SETTLED);
    const link = badge(page, 'user-badge').getByRole('link', { name: /Full report/ });
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe(h.appUrl);
    expect(href.searchParams.get('esplora')).toBe(h.devnetUrl);
    expect(href.searchParams.get('network')).toBe('regtest');
    expect(href.searchParams.get('genesis')).toBe(genesis);
    expect(href.search).not.toContain(EXAMPLE_USER);
    expect(href.hash).toBe(`#/allocation/${month}&user=${EXAMPLE_USER}`);
    // Keyboard: the link is reachable with Tab.
    await page.locator('body').focus();
    let focused = '';
    for (let i = 0; i < 6 && !focused.includes('Full report'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? '');
    }
    expect(focused).toContain('Full report');
  });

  it('passes an automated accessibility check (axe-core, shadow DOM included)', async () => {
    const page = await h.newPage();
    await page.goto(EXAMPLE_URL());
    await waitForStatus(page, 'month-badge', SETTLED);
    await waitForStatus(page, 'user-badge', SETTLED);
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const r = await axe.run({ include: [['drey-verify']] }, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, scheme).toEqual([]);
    }
  });
});

describe('when an attribute changes', () => {
  it('re-verifies: chain tip, then an unreachable host (coded FETCH_ error), then the tip again, then a month', async () => {
    const page = await h.newPage();
    await page.goto(`${site.url}/host.html`);
    await page.evaluate((url) => {
      const el = document.createElement('drey-verify');
      el.id = 'tip';
      el.setAttribute('network', 'regtest');
      el.setAttribute('esplora', url);
      el.setAttribute('rps', '50');
      document.querySelector('main')!.prepend(el);
    }, h.devnetUrl);
    await waitForStatus(page, 'tip', 'verified');
    expect(await badge(page, 'tip').getByRole('status').textContent()).toContain(`Chain tip #${tipHeight}`);
    const set = (name: string, value: string) => page.evaluate(([n, v]) => document.querySelector('drey-verify#tip')!.setAttribute(n!, v!), [name, value]);
    await set('esplora', 'http://127.0.0.1:9/api');
    await waitForStatus(page, 'tip', 'unavailable');
    expect(await badge(page, 'tip').getByRole('status').textContent()).toMatch(/Could not verify.*FETCH_/);
    await screenshot(page, 'widget-unreachable');
    await set('esplora', h.devnetUrl);
    await waitForStatus(page, 'tip', 'verified');
    await set('genesis', genesis);
    await waitForStatus(page, 'tip', 'running');
    await waitForStatus(page, 'tip', SETTLED);
    expect(await badge(page, 'tip').getAttribute('status')).toBe(BADGE_STATUS[fullVerdict]);
    expect(await badge(page, 'tip').getByRole('status').textContent()).toContain(`Month ${month}`);
  });

  it('explains a misconfiguration with a WIDGET_ code instead of fetching anything', async () => {
    const page = await h.newPage();
    await page.goto(EXAMPLE_URL());
    await page.evaluate(() => document.querySelector('drey-verify#month-badge')!.setAttribute('esplora', 'javascript:alert(1)'));
    await waitForStatus(page, 'month-badge', 'misconfigured');
    expect(await badge(page, 'month-badge').getByRole('status').textContent()).toContain('WIDGET_BAD_ESPLORA');
  });
});

describe('when the element is removed while verifying', () => {
  it('cancels its verification only: its pending request is dropped, another badge\'s in the same Worker goes on', async () => {
    const page = await h.newPage();
    await page.goto(`${site.url}/host.html`);
    const closedBefore = site.hangClosed();
    // Two hosts, so that the browser does not hold the second request back behind the first (same URL, same cache entry).
    await page.evaluate((url) => {
      for (const id of ['hanging', 'other']) {
        const el = document.createElement('drey-verify');
        el.id = id;
        el.setAttribute('network', 'regtest');
        el.setAttribute('esplora', `${url}/${id}/api`);
        document.querySelector('main')!.append(el);
      }
    }, `${site.url}/hang`);
    await waitForStatus(page, 'hanging', 'running');
    await expect.poll(() => site.hangOpen(), { timeout: 30_000 }).toBeGreaterThan(1);
    expect(page.workers().filter((w) => /widget-worker-/.test(w.url()))).toHaveLength(1);
    await page.evaluate(() => document.querySelector('drey-verify#hanging')!.remove());
    await expect.poll(() => site.hangClosed() - closedBefore, { timeout: 10_000 }).toBe(1);
    expect(site.hangOpen()).toBe(1);
    expect(await badge(page, 'other').getAttribute('status')).toBe('running');
    await page.evaluate(() => document.querySelector('drey-verify#other')!.remove());
    await expect.poll(() => site.hangOpen(), { timeout: 10_000 }).toBe(0);
  });
});

describe('when widget.js is served from another origin than the page (a CDN)', () => {
  it('still starts its worker and shows the verdict', async () => {
    const page = await h.newPage();
    await page.goto(`${site.url}/cdn.html`);
    await waitForStatus(page, 'cdn-badge', 'verified');
    expect(cdn.requests.some((p) => /^\/widget-worker-[\w-]+\.js$/.test(p))).toBe(true);
  });
});
