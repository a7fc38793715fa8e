/**
 * The verifier in headless Chromium against the devnet scenario: time to verdict for quick mode (one depositor) and
 * for a full month (the widget, verifying in its Worker), the app's first month verdict, main-thread long tasks
 * during verification, and bundle sizes (app initial JS and widget, gzip) of a fresh build.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { devnetClient, latestSettledMonth, monthUserIds } from '../e2e/pages/devnet-facts';
import { spawnDevnet } from '../scripts/devnet-process';
import { serveApp } from '../scripts/serve-app';
import { LONGTASK_PROBE, summariseLongTasks, type LongTasks } from './browser/longtasks';
import { closure, initialJsFiles, totalGzip } from './browser/sizes';
import { fmt } from './stats';
import { buildInto, kb, median, serveBenchSite, widgetSample, type Sample } from './browser/widget-page';

const RUNS = 5;
/** Requests per second per host: the devnet is local, so the polite public-host default (4) is lifted. */
const RPS = '200';
const APP_BUDGET_KB = 250;
const WIDGET_BUDGET_KB = 120;

function describeLongTasks(samples: Sample[]): string {
  const lt: LongTasks = summariseLongTasks(samples.flatMap((s) => s.longTasks));
  return `long tasks ${lt.count} in ${samples.length} runs (max ${fmt(lt.maxMs)} ms)`;
}

export default async function bench(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'drey-bench-dist-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'drey-bench-devnet-'));
  await buildInto(outDir);

  const appFiles = await initialJsFiles(join(outDir, 'index.html'));
  const widgetFiles = await closure([join(outDir, 'widget.js')]);
  const appGzip = await totalGzip(appFiles);
  const widgetGzip = await totalGzip(widgetFiles);
  const widgetChunks = (await readdir(outDir)).filter((f) => /^widget-.*\.js$/.test(f)).map((f) => join(outDir, f));
  const workerFiles = await closure(widgetChunks.filter((f) => /\/widget-worker-[^/]*\.js$/.test(f)));
  const lazyFiles = widgetChunks.filter((f) => !workerFiles.includes(f) && !widgetFiles.includes(f));
  console.log(`bundle: app initial JS ${kb(appGzip)} gzip in ${appFiles.length} file(s) (budget ${APP_BUDGET_KB} KB)`);
  console.log(`bundle: widget.js ${kb(widgetGzip)} gzip initial (budget ${WIDGET_BUDGET_KB} KB); loaded when a badge verifies: its worker ${kb(await totalGzip(workerFiles))}, then on demand the month pipeline with the proof verifier and the program worker ${kb(await totalGzip(lazyFiles))} (gzip)`);

  const devnet = await spawnDevnet({ port: 0, dataDir, quiet: true });
  const info = await devnet.info();
  const app = await serveApp({ root: outDir, port: 0, config: { network: 'regtest', esplora: [devnet.url], genesis: info.genesis ?? null, relays: info.relays ?? [] } });
  const site = await serveBenchSite(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    console.log(`browser: Chromium ${browser.version()} headless; devnet tip ${info.tip.height}; ${RUNS} runs each, medians`);
    const context = await browser.newContext();
    await context.addInitScript(LONGTASK_PROBE);
    const page = await context.newPage();
    await page.goto(`${site.url}/bench.html`);
    await page.waitForFunction(() => customElements.get('drey-verify') !== undefined);
    const genesis = info.genesis;
    const chainTip = { network: 'regtest', esplora: devnet.url, rps: RPS };
    const modes: [string, Record<string, string>][] = [['chain tip (no genesis)', chainTip]];
    if (genesis) {
      const client = devnetClient(devnet.url);
      const { month } = await latestSettledMonth(client, genesis);
      const user = (await monthUserIds(client, genesis, month)).find((u) => u.startsWith('u'))!;
      const monthAttrs = { ...chainTip, genesis, month: String(month) };
      modes.push([`quick, month ${month}, one depositor`, { ...monthAttrs, user, depth: 'quick' }]);
      modes.push([`full, month ${month}`, { ...monthAttrs, depth: 'full' }]);
    } else {
      console.log('the devnet names no genesis: months not measured');
    }
    for (const [label, attrs] of modes) {
      await widgetSample(page, attrs); // warm-up: compiles the worker once
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await widgetSample(page, attrs));
      const statuses = [...new Set(samples.map((s) => s.status))].join('/');
      console.log(`widget ${label}: time to verdict ${fmt(median(samples.map((s) => s.ms)))} ms (in worker ${fmt(median(samples.map((s) => s.workerMs)))} ms, verdict ${statuses}); ${describeLongTasks(samples)}`);
    }

    const appSamples: Sample[] = [];
    for (let i = 0; i < RUNS && genesis; i++) {
      const p = await context.newPage();
      await p.goto(app.url);
      await p.evaluate(() => (window as unknown as { __longtasks: { start(): void } }).__longtasks.start());
      // The timeline verifies months oldest first; month 1's cell settles when its verdict is in.
      const settled = await p.waitForFunction(() => {
        const text = document.querySelector('[data-testid="month-status-1"]')?.textContent ?? '';
        return text !== '' && !/verifying|not verified yet/.test(text) ? text : false;
      }, undefined, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<string>, () => null);
      if (settled === null) {
        console.log('app: month 1 shows no verdict (data-testid="month-status-1") within 120 s: not measured');
        await p.close();
        break;
      }
      const ms = await p.evaluate(() => performance.now());
      await p.waitForTimeout(100);
      const longTasks = await p.evaluate(() => (window as unknown as { __longtasks: { stop(): number[] } }).__longtasks.stop());
      appSamples.push({ ms, workerMs: 0, status: settled.trim().split(/\s/)[0] ?? '', longTasks });
      await p.close();
    }
    if (appSamples.length) {
      console.log(`app: navigation to month 1's verdict ${fmt(median(appSamples.map((s) => s.ms)))} ms (“${appSamples[0]!.status}…”); from load to that verdict: ${describeLongTasks(appSamples)}`);
    }
  } finally {
    await browser.close();
    await site.close();
    await app.close();
    await devnet.close();
    await rm(outDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}
