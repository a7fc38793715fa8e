/**
 * npm run bench -- packs: what a month pack (docs/protocol.md §2.4.2) saves a cold check. Month 6 of the ready-made
 * chain (1,000 members, devnet on loopback): its quick and full packs built as `drey-verify pack` builds them and served
 * beside the widget; then, interleaved, the first badge of a fresh browser context (nothing cached, no verifier Worker
 * yet) with and without the `packs` attribute — time from insertion to the verdict, and the Esplora requests the page
 * made — and the Node pipeline with a fresh client, with and without the pack under its cache; on loopback at 1,000
 * requests a second, and the quick check again at a public host's 4.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { READY_MADE, serveChain } from '../scripts/golden/collect';
import type { MonthPack, PackDepth } from '../src/core/esplora/pack';
import { buildInto, firstBadgeSample, median, serveBenchSite } from './browser/widget-page';
import { nodeCheck, publishMonthPack } from './month-checks';
import { fmt } from './stats';

const MONTH = 6;
const USER = 'u24f3243b4ee572e0';
const RUNS = 5;

export default async function bench(): Promise<void> {
  const chain = await serveChain(READY_MADE);
  const outDir = await mkdtemp(join(tmpdir(), 'drey-packs-bench-'));
  const packs = new Map<PackDepth, MonthPack>();
  try {
    await buildInto(outDir);
    for (const depth of ['quick', 'full'] as const) {
      const { pack, text } = await publishMonthPack(chain.url, chain.genesis, MONTH, depth, outDir);
      packs.set(depth, pack);
      console.log(`${depth} pack: ${pack.entries.size} entries, ${fmt(text.length / 1024, 1)} KB, ${fmt(gzipSync(text).length / 1024, 1)} KB gzip`);
    }
    const site = await serveBenchSite(outDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const rows: string[] = [];
    try {
      // Quick also at a public host's pace (4 requests a second, the default): what a depositor waits for.
      for (const [depth, rps] of [['quick', '1000'], ['full', '1000'], ['quick', '4']] as const) {
        const base = { network: 'regtest', esplora: chain.url, rps, genesis: chain.genesis, month: String(MONTH), depth, ...(depth === 'quick' ? { user: USER } : {}) };
        const variants = [{ name: 'none', attrs: base, pack: undefined }, { name: 'pack', attrs: { ...base, packs: `${site.url}/packs` }, pack: packs.get(depth) }];
        const samples = variants.map(() => ({ browser: [] as { ms: number; requests: number; status: string }[], node: [] as Awaited<ReturnType<typeof nodeCheck>>[] }));
        await firstBadgeSample(browser, site.url, base);
        for (let i = 0; i < RUNS; i++) {
          for (const [k, v] of variants.entries()) {
            samples[k]!.browser.push(await firstBadgeSample(browser, site.url, v.attrs, chain.url));
            samples[k]!.node.push(await nodeCheck({ url: chain.url, genesis: chain.genesis, month: MONTH, depth, user: depth === 'quick' ? USER : undefined, pack: v.pack, rps: Number(rps) }));
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
