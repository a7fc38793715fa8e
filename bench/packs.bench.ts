/**
 * npm run bench -- packs: what a month pack (docs/protocol.md §2.4.2) saves a cold check. Month 6 of the ready-made
 * chain (1,000 members, devnet on loopback): its quick and full packs built as `drey-verify pack` builds them and served
 * beside the widget; then, interleaved, the first badge of a fresh browser context (nothing cached, no verifier Worker
 * yet) with and without the `packs` attribute — time from insertion to the verdict, and the Esplora requests the page
 * made — and the Node pipeline with a fresh client, with and without the pack under its cache; on loopback at 1,000
 * requests a second, and the quick check again at a public host's 4.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { serveStatic } from '../e2e/pages/static-server';
import { READY_MADE, serveChain } from '../scripts/golden/collect';
import { createEsploraClient } from '../src/core/esplora/client';
import { encodePack, packedCache, type MonthPack, type PackDepth } from '../src/core/esplora/pack';
import { buildMonthPack } from '../src/core/month-pack';
import { countingFetch } from '../src/core/month/counting-fetch';
import { verifyMonth } from '../src/core/pipeline';
import { benchPage, buildInto, median, widgetSample } from './browser/widget-page';
import { fmt } from './stats';

const MONTH = 6;
const USER = 'u24f3243b4ee572e0';
const RUNS = 5;

/** The first badge of a fresh browser context, and the requests its page made to the devnet. */
async function firstBadge(browser: Browser, siteUrl: string, devnetUrl: string, attrs: Record<string, string>): Promise<{ ms: number; requests: number; status: string }> {
  const page = await benchPage(browser, siteUrl);
  let requests = 0;
  page.context().on('request', (r) => { if (r.url().startsWith(devnetUrl)) requests++; });
  try {
    const s = await widgetSample(page, attrs);
    return { ms: s.ms, requests, status: s.status };
  } finally {
    await page.context().close();
  }
}

async function nodeRun(url: string, genesis: string, depth: PackDepth, pack: MonthPack | undefined, rps: number): Promise<{ ms: number; requests: number; verdict: string }> {
  const counter = countingFetch(globalThis.fetch.bind(globalThis));
  const cache = packedCache(new Map());
  if (pack) cache.add(pack);
  // As the CLI paces a host: `rps` a second, in bursts of half that (at least 2).
  const client = createEsploraClient({ hosts: [url], fetch: counter.fetch, network: 'regtest', cache, requestsPerSecond: rps, burst: Math.max(2, Math.ceil(rps / 2)) });
  const t0 = performance.now();
  const r = await verifyMonth({ client, network: 'regtest', genesisId: genesis, month: MONTH, depth, ...(depth === 'quick' ? { user: USER } : {}), requestCount: counter.count });
  return { ms: performance.now() - t0, requests: r.report.requests, verdict: r.report.verdict };
}

export default async function bench(): Promise<void> {
  const chain = await serveChain(READY_MADE);
  const outDir = await mkdtemp(join(tmpdir(), 'drey-packs-bench-'));
  const packs = new Map<PackDepth, MonthPack>();
  try {
    await buildInto(outDir);
    await mkdir(join(outDir, 'packs'));
    for (const depth of ['quick', 'full'] as const) {
      const built = await buildMonthPack({
        clientWith: (cache) => createEsploraClient({ hosts: [chain.url], network: 'regtest', cache, fetch: globalThis.fetch.bind(globalThis), requestsPerSecond: 1e6, burst: 1e6 }),
        network: 'regtest', genesisId: chain.genesis, month: MONTH, depth,
      });
      if (!built.pack) throw new Error(`month ${MONTH} has no ${depth} pack: ${built.reason}`);
      packs.set(depth, built.pack);
      const text = encodePack(built.pack);
      await writeFile(join(outDir, 'packs', `month-${MONTH}.${depth}.json`), text);
      console.log(`${depth} pack: ${built.pack.entries.size} entries, ${fmt(text.length / 1024, 1)} KB, ${fmt(gzipSync(text).length / 1024, 1)} KB gzip`);
    }
    const site = await serveStatic({
      mounts: [{ prefix: '/', dir: outDir }],
      pages: { '/bench.html': () => '<!doctype html><html lang="en"><head><title>bench</title><script type="module" src="./widget.js"></script></head><body></body></html>' },
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const rows: string[] = [];
    try {
      // Quick also at a public host's pace (4 requests a second, the default): what a depositor waits for.
      for (const [depth, rps] of [['quick', '1000'], ['full', '1000'], ['quick', '4']] as const) {
        const base = { network: 'regtest', esplora: chain.url, rps, genesis: chain.genesis, month: String(MONTH), depth, ...(depth === 'quick' ? { user: USER } : {}) };
        const variants = [{ name: 'none', attrs: base, pack: undefined }, { name: 'pack', attrs: { ...base, packs: `${site.url}/packs` }, pack: packs.get(depth) }];
        const samples = variants.map(() => ({ browser: [] as { ms: number; requests: number; status: string }[], node: [] as { ms: number; requests: number; verdict: string }[] }));
        await firstBadge(browser, site.url, chain.url, base);
        for (let i = 0; i < RUNS; i++) {
          for (const [k, v] of variants.entries()) {
            samples[k]!.browser.push(await firstBadge(browser, site.url, chain.url, v.attrs));
            samples[k]!.node.push(await nodeRun(chain.url, chain.genesis, depth, v.pack, Number(rps)));
          }
        }
        for (const [k, v] of variants.entries()) {
          const s = samples[k]!;
          rows.push(`| ${depth} | ${rps} | ${v.name === 'pack' ? 'month pack' : 'none'} | ${fmt(median(s.browser.map((x) => x.ms)))} (${s.browser[0]!.status}) | ${median(s.browser.map((x) => x.requests))} | ${fmt(median(s.node.map((x) => x.ms)))} (${s.node[0]!.verdict}) | ${s.node[0]!.requests} |`);
        }
      }
    } finally {
      await browser.close();
      await site.close();
    }
    console.log(`month ${MONTH} of the ready-made chain, devnet on loopback, medians of ${RUNS} interleaved; Chromium ${'headless'}: the first badge of a fresh browser context`);
    console.log('| depth | requests/s per host | pack | Chromium first badge ms (verdict) | Chromium requests | Node ms (verdict) | Node requests |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    await chain.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
