/**
 * The widget before and after a change, side by side on the 1,000-member scale chain: `npx tsx bench/browser/widget-ab.ts
 * [ref]` builds the app and widget of git `ref` (default main, from `git archive` with this tree's node_modules) and
 * of this working tree, then measures both in one interleaved run (a busy machine slows both alike): per depth, the
 * first badge of a freshly loaded page, the next badge of a page that has verified once, and the Node pipeline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/harness';
import { devnetClient, monthUserIds } from '../../e2e/pages/devnet-facts';
import type { StaticServer } from '../../e2e/pages/static-server';
import { spawnDevnet } from '../../scripts/devnet-process';
import { SCALE_1K, scaleChainCopy } from '../scale-chain';
import { fmt } from '../stats';
import { nodeCheck } from '../month-checks';
import { benchPage, buildInto, firstBadgeSample, median, serveBenchSite, widgetSample, type Sample } from './widget-page';

const ROUNDS = Number(process.env.DREY_AB_ROUNDS ?? 5);
/** The app and widget of a git ref, built into a temporary directory. */
function buildRef(ref: string, outDir: string): void {
  const src = mkdtempSync(join(tmpdir(), 'drey-ab-src-'));
  try {
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(src)}`], { stdio: 'inherit' });
    symlinkSync(resolve('node_modules'), join(src, 'node_modules'));
    const vite = join(src, 'node_modules/.bin/vite');
    execFileSync(vite, ['build', '--logLevel', 'silent', '--outDir', outDir, '--emptyOutDir'], { cwd: src, stdio: 'inherit' });
    execFileSync(vite, ['build', '--config', 'vite.widget.config.ts', '--logLevel', 'silent', '--outDir', outDir], { cwd: src, stdio: 'inherit' });
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

interface Variant { label: string; site: StaticServer; page?: Page }


const ref = process.argv[2] ?? 'main';
const dirs = { before: mkdtempSync(join(tmpdir(), 'drey-ab-before-')), after: mkdtempSync(join(tmpdir(), 'drey-ab-after-')) };
buildRef(ref, dirs.before);
await buildInto(dirs.after);
const variants: Variant[] = [];
for (const [label, dir] of Object.entries(dirs)) variants.push({ label, site: await serveBenchSite(dir) });
const chain = await scaleChainCopy(SCALE_1K, console.log);
const devnet = await spawnDevnet({ port: 0, dataDir: chain.dir, quiet: true, timeoutMs: 300_000 });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const rows: string[] = [];
const version = browser.version();
try {
  const month = SCALE_1K.months;
  const user = (await monthUserIds(devnetClient(devnet.url), chain.genesis, month)).find((u) => u.startsWith('u'));
  for (const v of variants) v.page = await benchPage(browser, v.site.url);
  for (const depth of ['quick', 'full'] as const) {
    const attrs = { network: 'regtest', esplora: devnet.url, rps: '1000', genesis: chain.genesis, month: String(month), depth, ...(depth === 'quick' && user ? { user } : {}) };
    const first = new Map<string, Sample[]>(variants.map((v) => [v.label, []]));
    const next = new Map<string, Sample[]>(variants.map((v) => [v.label, []]));
    const node: number[] = [];
    for (const v of variants) await widgetSample(v.page!, attrs);
    await nodeCheck({ url: devnet.url, genesis: chain.genesis, month, depth, user: depth === 'quick' ? user : undefined });
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of variants) {
        first.get(v.label)!.push(await firstBadgeSample(browser, v.site.url, attrs));
        next.get(v.label)!.push(await widgetSample(v.page!, attrs));
      }
      node.push((await nodeCheck({ url: devnet.url, genesis: chain.genesis, month, depth, user: depth === 'quick' ? user : undefined })).ms);
    }
    for (const v of variants) {
      const f = first.get(v.label)!;
      const n = next.get(v.label)!;
      const longest = Math.max(0, ...[...f, ...n].flatMap((s) => s.longTasks));
      rows.push(`| ${depth} | ${v.label === 'before' ? ref : 'this tree'} | ${fmt(median(f.map((s) => s.ms)))} | ${fmt(median(n.map((s) => s.ms)))} (${n[0]!.status}) | ${fmt(median(node))} | ${longest ? fmt(longest) : 'none over 50'} |`);
      console.log(rows.at(-1));
    }
  }
} finally {
  await browser.close();
  await devnet.close();
  chain.dispose();
  for (const v of variants) await v.site.close();
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
}
console.log(`\n1,000 members, month ${SCALE_1K.months}, B = 64, medians of ${ROUNDS} interleaved rounds; Chromium ${version} headless`);
console.log('| depth | build | first badge of a fresh page, ms | next badge of the page, ms (verdict) | Node pipeline, ms | longest main-thread task, ms |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
