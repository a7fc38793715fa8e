/**
 * Month packs against the ready-made chain: a pack saves requests and decides nothing. Month 6 checked with its pack,
 * with a pack whose every entry lies (witnesses, headers, txid lists, branches, entries under another key), and with
 * packs refused outright, gives the golden report each time; only the request count changes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_DIR, READY_MADE, quickFile, quickFileName, serveChain, type ChainServer } from '../../scripts/golden/collect';
import { parseTx } from '../core/chain/tx';
import { bytesToHex, parseHex } from '../core/bytes';
import { runCli, type CliRun } from './memory-io.test-util';
import { cacheNamespace, openDiskCache } from './disk-cache';

const MONTH = 6;
const USER = 'u24f3243b4ee572e0';
const golden = readFileSync(join(GOLDEN_DIR, READY_MADE, quickFileName(MONTH, USER)), 'utf8');

type Json = Record<string, unknown>;
type PackJson = { entries: Record<string, unknown> } & Json;

let server: ChainServer;
const packs: Record<string, string> = {};
let fullWithout: Json;

const common = (): string[] => ['--esplora', server.url, '--genesis', server.genesis, '--network', 'regtest', '--rps', '1000'];
const net = (): typeof fetch => globalThis.fetch.bind(globalThis);

async function check(depth: 'quick' | 'full', files: Record<string, string>, dir = 'packs', cache?: string): Promise<CliRun & { report: Json; requests: number }> {
  let requests = 0;
  const counting = (async (u: RequestInfo | URL, i?: RequestInit) => { requests++; return net()(u, i); }) as typeof fetch;
  const r = await runCli(['month', String(MONTH), '--depth', depth, ...(depth === 'quick' ? ['--user', USER] : []), '--packs', dir, ...common(), ...(cache ? ['--cache', cache] : ['--no-cache']), '--json'], { fetch: counting, files });
  return { ...r, report: JSON.parse(r.stdout) as Json, requests };
}

/** The golden form of a quick run's report, without the pack's account (the golden runs used none). */
function stableQuick(run: { code: number; report: Json }): string {
  const { pack: _p, ...report } = run.report;
  void _p;
  return quickFile({ exit: run.code, output: report }, server.url);
}

/** What a full report decided: its verdict and checks (timings, request counts and the pack's account aside). */
function decided(report: Json): unknown {
  const checks = (report.checks as Json[]).map((c) => (c.step === 'program' ? { ...c, message: '', evidence: {} } : c));
  return { verdict: report.verdict, checks, ranking: report.ranking, inputsHashes: report.inputsHashes };
}

/** A transaction's bytes with one byte of its witness changed: the txid stays, the witness no longer binds. */
function witnessFlipped(hex: string): string {
  const tx = parseTx(hex);
  if (!tx.hasWitness) return hex;
  const bytes = parseHex(hex, 'CHAIN_BAD_HEX', 'tx').slice();
  const start = tx.strippedSize - 4 + 2;
  const at = start + Math.floor((bytes.length - 4 - start) / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  return bytesToHex(bytes);
}

/** The transaction without its witness: the same txid, what a host hiding the witness would serve. */
function witnessStripped(hex: string): string {
  const tx = parseTx(hex);
  if (!tx.hasWitness) return hex;
  const b = parseHex(hex, 'CHAIN_BAD_HEX', 'tx');
  return bytesToHex(Uint8Array.from([...b.subarray(0, 4), ...b.subarray(6, 6 + tx.strippedSize - 8), ...b.subarray(b.length - 4)]));
}

/**
 * Every entry of the pack made to lie: witnesses changed or left out (and the blocks' wtxid lists made to name the changed ones),
 * headers, txid lists and branches altered, two transactions swapped.
 */
function lyingPack(text: string): string {
  const p = JSON.parse(text) as PackJson;
  const keys = Object.keys(p.entries);
  const txKeys = keys.filter((k) => k.startsWith('tx:'));
  const entries: Record<string, unknown> = {};
  const renamed = new Map<string, string>();
  for (const [i, k] of txKeys.entries()) {
    const flipped = (i % 2 === 0 ? witnessFlipped : witnessStripped)(p.entries[k] as string);
    entries[k] = flipped;
    try {
      renamed.set(parseTx(p.entries[k] as string).wtxid, parseTx(flipped).wtxid);
    } catch {
      // A change that breaks the serialization is caught before any wtxid is compared.
    }
  }
  for (const [k, v] of Object.entries(p.entries)) {
    if (k.startsWith('tx:')) continue;
    if (k.startsWith('wtxids:')) entries[k] = (v as string[]).map((w) => renamed.get(w) ?? w);
    else if (k.startsWith('header:')) entries[k] = `${(v as string).slice(0, 152)}${(v as string).slice(152) === '00000000' ? '01000000' : '00000000'}`;
    else if (k.startsWith('txids:')) entries[k] = (v as string[]).length > 1 ? [...(v as string[])].reverse() : ['00'.repeat(32)];
    else entries[k] = { ...(v as Json), pos: Number((v as Json).pos) + 1 };
  }
  // Two transactions without a witness are served under each other's txid.
  const bare = txKeys.filter((k) => !parseTx(p.entries[k] as string).hasWitness);
  if (bare.length >= 2) [entries[bare[0]!], entries[bare[1]!]] = [p.entries[bare[1]!], p.entries[bare[0]!]];
  return JSON.stringify({ ...p, entries });
}

beforeAll(async () => {
  server = await serveChain(READY_MADE);
  for (const depth of ['quick', 'full'] as const) {
    const r = await runCli(['pack', String(MONTH), '--depth', depth, ...common()], { fetch: net() });
    expect(r.code, r.stderr).toBe(0);
    packs[depth] = r.stdout;
  }
  const r = await runCli(['month', String(MONTH), '--depth', 'full', ...common(), '--no-cache', '--json'], { fetch: net() });
  fullWithout = JSON.parse(r.stdout) as Json;
}, 300_000);
afterAll(() => server?.close());

describe('drey-verify pack and --packs on the ready-made chain', { timeout: 120_000 }, () => {
  it('builds a pack of the transactions, headers, txid lists and branches a check reads, and none of what only a host can say', () => {
    expect(packs.quick, 'vectors/packs/ is stale: npx tsx vectors/packs/generate.ts').toBe(readFileSync('vectors/packs/ready-made-month-6.quick.json', 'utf8'));
    const p = JSON.parse(packs.quick!) as PackJson;
    expect(p).toMatchObject({ format: 'drey-pack/1', network: 'regtest', genesis: server.genesis, month: MONTH, depth: 'quick' });
    const kinds = new Set(Object.keys(p.entries).map((k) => k.slice(0, k.indexOf(':'))));
    expect([...kinds].sort()).toEqual(['header', 'merkle', 'tx', 'txids', 'wtxids']);
    expect(Object.keys(JSON.parse(packs.full!).entries as Json).length).toBeGreaterThan(Object.keys(p.entries).length);
  });

  it('gives the golden quick report with the pack, in at most 12 requests where the hosts alone take over 30', async () => {
    const withPack = await check('quick', { [`packs/month-${MONTH}.quick.json`]: packs.quick! });
    const without = await check('quick', {}, 'nowhere');
    expect(stableQuick(withPack)).toBe(golden);
    expect(stableQuick(without)).toBe(golden);
    expect(withPack.report.pack).toMatchObject({ outcome: 'used' });
    expect(without.report.pack).toMatchObject({ outcome: 'none', reason: 'no such file' });
    expect(withPack.requests).toBeLessThanOrEqual(12);
    expect(without.requests).toBeGreaterThan(30);
  });

  it('gives the same full report with the pack as without it, in fewer requests', async () => {
    const withPack = await check('full', { [`packs/month-${MONTH}.full.json`]: packs.full! });
    expect(decided(withPack.report)).toEqual(decided(fullWithout));
    expect(withPack.requests).toBeLessThan(Number(fullWithout.requests));
  });

  it('gives the golden quick report when every entry of the pack lies, asking the hosts instead', async () => {
    const lying = await check('quick', { [`packs/month-${MONTH}.quick.json`]: lyingPack(packs.quick!) });
    expect(stableQuick(lying)).toBe(golden);
    expect(lying.report.pack).toMatchObject({ outcome: 'used' });
    expect((lying.report.hosts as { liars: unknown[] }).liars).toEqual([]);
    expect(lying.requests).toBeGreaterThan(30);
  });

  it('gives the same full report when every entry of the full pack lies', async () => {
    const lying = await check('full', { [`packs/month-${MONTH}.full.json`]: lyingPack(packs.full!) });
    expect(decided(lying.report)).toEqual(decided(fullWithout));
    expect((lying.report.hosts as { liars: unknown[] }).liars).toEqual([]);
  });

  it('reads a transaction the pack proves from the pack, not from a cache where its witness was changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drey-pack-cache-'));
    try {
      const files = { [`packs/month-${MONTH}.quick.json`]: packs.quick! };
      expect(stableQuick(await check('quick', files, 'nowhere', dir))).toBe(golden);
      const disk = openDiskCache({ dir: join(dir, cacheNamespace('regtest', [server.url])), warn: () => undefined });
      const p = JSON.parse(packs.quick!) as PackJson;
      const txids = Object.keys(p.entries).filter((k) => k.startsWith('tx:') && parseTx(p.entries[k] as string).hasWitness);
      for (const k of txids) {
        const cached = await disk.get(k);
        if (cached instanceof Uint8Array) await disk.set(k, parseHex(witnessFlipped(bytesToHex(cached)), 'CHAIN_BAD_HEX', 'tx'));
      }
      const run = await check('quick', files, 'packs', dir);
      expect(stableQuick(run)).toBe(golden);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['for another month', (t: string) => t.replace(`"month":${MONTH}`, `"month":${MONTH - 1}`)],
    ['for another genesis', (t: string) => t.replace(/"genesis":"[0-9a-f]{64}i0"/, `"genesis":"${'ab'.repeat(32)}i0"`)],
    ['not JSON', (t: string) => t.slice(0, 1000)],
  ])('refuses a pack (%s) with FETCH_PACK_REFUSED and gives the golden report from the hosts', async (reason, spoil) => {
    const run = await check('quick', { [`packs/month-${MONTH}.quick.json`]: spoil(packs.quick!) });
    expect(stableQuick(run)).toBe(golden);
    expect(run.report.pack).toMatchObject({ outcome: 'refused', reason });
    expect(run.stderr).toContain('FETCH_PACK_REFUSED');
  });

  it('makes no pack of a month still in progress', async () => {
    const r = await runCli(['pack', '7', ...common(), '--json'], { fetch: net() });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, month: 7, verdict: 'pending' });
  });
});
