/**
 * The widget on a bench page: build the app and widget, and time one `<drey-verify>` from insertion to its verdict, as
 * the next badge of a page that has verified before (its verifier Worker up) or as the first badge of a fresh page.
 */
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { fmt } from '../stats';
import { serveStatic, type StaticServer } from '../../e2e/pages/static-server';
import { LONGTASK_PROBE } from './longtasks';

export const kb = (bytes: number): string => `${fmt(bytes / 1024, 1)} KB`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function buildInto(outDir: string): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  await build({ configFile: 'vite.widget.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: false } });
}

export interface Sample {
  ms: number;
  workerMs: number;
  status: string;
  longTasks: number[];
}

/** One verification by a freshly inserted `<drey-verify>`: page-side time from insertion to the verdict event. */
export async function widgetSample(page: Page, attrs: Record<string, string>): Promise<Sample> {
  return page.evaluate(async (a) => {
    const probe = (window as unknown as { __longtasks: { start(): void; stop(): number[] } }).__longtasks;
    document.querySelectorAll('drey-verify').forEach((e) => e.remove());
    probe.start();
    const el = document.createElement('drey-verify');
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
    const t0 = performance.now();
    const verdict = await new Promise<{ status: string; ms: number }>((ok) => {
      el.addEventListener('drey-verdict', (e) => ok((e as CustomEvent<{ status: string; ms: number }>).detail), { once: true });
      document.body.append(el);
    });
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    return { ms, workerMs: verdict.ms, status: verdict.status, longTasks: probe.stop() };
  }, attrs);
}


/** The bench page: widget.js loaded into an empty document. */
const BENCH_PAGE = '<!doctype html><html lang="en"><head><title>bench</title><script type="module" src="./widget.js"></script></head><body></body></html>';

/** A built app and widget in `dir`, served with the bench page at /bench.html. */
export function serveBenchSite(dir: string): Promise<StaticServer> {
  return serveStatic({ mounts: [{ prefix: '/', dir }], pages: { '/bench.html': () => BENCH_PAGE } });
}

/** A bench page (served at `${siteUrl}/bench.html`, loading widget.js) in a new browser context, long-task probe in. */
export async function benchPage(browser: Browser, siteUrl: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(LONGTASK_PROBE);
  const page = await context.newPage();
  await page.goto(`${siteUrl}/bench.html`);
  await page.waitForFunction(() => customElements.get('drey-verify') !== undefined);
  return page;
}

/**
 * The first badge of a freshly loaded page in a new browser context: nothing cached, no verifier Worker yet. With
 * `requestsTo`, also how many requests the page (its Workers included) sent to URLs starting with it.
 */
export async function firstBadgeSample(browser: Browser, siteUrl: string, attrs: Record<string, string>, requestsTo?: string): Promise<Sample & { requests: number }> {
  const page = await benchPage(browser, siteUrl);
  let requests = 0;
  if (requestsTo) page.context().on('request', (r) => { if (r.url().startsWith(requestsTo)) requests++; });
  try {
    return { ...(await widgetSample(page, attrs)), requests };
  } finally {
    await page.context().close();
  }
}
