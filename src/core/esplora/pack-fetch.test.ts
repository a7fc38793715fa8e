import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { checkWithPack, fetchMonthPack, packReport, packUrl } from './pack-fetch';
import { packsLocation } from './pack-location';
import { MAX_PACK_BYTES, packedCache } from './pack';

const text = readFileSync('vectors/packs/ready-made-month-6.quick.json', 'utf8');
const genesis = (JSON.parse(text) as { genesis: string }).genesis;
const WANT = { network: 'regtest' as const, genesis, month: 6, depth: 'quick' as const };
const BASE = 'https://packs.example/drey/';

/** A fetch that answers every URL with `answer` and records what was asked. */
function serving(answer: (url: string, init?: RequestInit) => Promise<Response> | Response) {
  const asked: string[] = [];
  const f = (async (u: RequestInfo | URL, init?: RequestInit) => { asked.push(String(u)); return answer(String(u), init); }) as typeof fetch;
  return { f, asked };
}

/** A body of `size` bytes in 1 MiB chunks, declaring no length. */
function stream(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      const n = Math.min(1 << 20, size - sent);
      if (n <= 0) return c.close();
      sent += n;
      c.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

describe('packUrl', () => {
  it('names the month and depth under the base, never the depositor', () => {
    expect(packUrl(BASE, 6, 'quick')).toBe('https://packs.example/drey/month-6.quick.json');
    expect(packUrl('https://packs.example/drey', 12, 'full')).toBe('https://packs.example/drey/month-12.full.json');
    expect(packUrl(packsLocation('./packs', 'http://127.0.0.1:5173/app/index.html')!, 3, 'quick')).toBe('http://127.0.0.1:5173/app/packs/month-3.quick.json');
  });

  it('takes a packs location only as an http(s) URL', () => {
    expect(packsLocation('https://packs.example/drey')).toBe('https://packs.example/drey');
    expect(packsLocation('/packs', 'https://site.example/a/b.html')).toBe('https://site.example/packs');
    expect(packsLocation('javascript:alert(1)', 'https://site.example/')).toBeUndefined();
    expect(packsLocation('./packs')).toBeUndefined();
  });
});

describe('fetchMonthPack', () => {
  it('takes a pack for this chain and month', async () => {
    const { f, asked } = serving(() => new Response(text));
    const o = await fetchMonthPack({ fetch: f, base: BASE, ...WANT });
    expect(asked).toEqual(['https://packs.example/drey/month-6.quick.json']);
    expect(o.outcome).toBe('used');
    if (o.outcome === 'used') expect(o.pack.entries.size).toBeGreaterThan(10);
    expect(packReport(o, { packs: 1, entries: 46, read: 32 })).toEqual({ url: asked[0], outcome: 'used', entries: 46, read: 32 });
  });

  it.each([
    ['HTTP 404', () => new Response('no', { status: 404 })],
    ['unreachable', () => Promise.reject(new TypeError('fetch failed'))],
    ['not a URL', undefined],
  ])('goes on without a pack when it is missing (%s)', async (reason, answer) => {
    const { f } = serving(answer ?? (() => new Response(text)));
    const o = await fetchMonthPack({ fetch: f, base: answer ? BASE : 'no scheme', ...WANT });
    expect(o).toMatchObject({ outcome: 'none', reason });
    expect(packReport(o)).toMatchObject({ outcome: 'none', reason });
  });

  it('goes on without a pack that does not come in time', async () => {
    const { f } = serving((_u, init) => new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError')))));
    expect(await fetchMonthPack({ fetch: f, base: BASE, ...WANT, timeoutMs: 20 })).toMatchObject({ outcome: 'none', reason: 'timed out' });
  });

  it.each([
    ['for another month', () => new Response(text.replace('"month":6', '"month":7'))],
    ['not JSON', () => new Response('<html>')],
    ['too large', () => new Response('x', { headers: { 'content-length': String(MAX_PACK_BYTES + 1) } })],
    ['too large', () => new Response(stream(MAX_PACK_BYTES + 1))],
  ])('refuses a pack %s (FETCH_PACK_REFUSED) and goes on without it', async (reason, answer) => {
    const { f } = serving(answer);
    const o = await fetchMonthPack({ fetch: f, base: BASE, ...WANT });
    expect(o).toMatchObject({ outcome: 'refused', code: 'FETCH_PACK_REFUSED', reason });
  });

  it('stops with FETCH_ABORTED when the check is cancelled', async () => {
    const ac = new AbortController();
    const { f } = serving((_u, init) => new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const p = fetchMonthPack({ fetch: f, base: BASE, ...WANT, signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toSatisfy((e) => e instanceof VerifyError && e.code === 'FETCH_ABORTED');
  });
});

describe('checkWithPack', () => {
  it('adds a usable pack under the cache before the check and counts what this check read of it', async () => {
    const { f } = serving(() => new Response(text));
    const used = await fetchMonthPack({ fetch: f, base: BASE, ...WANT });
    if (used.outcome !== 'used') throw new Error('the vector pack was not used');
    const cache = packedCache(new Map());
    const header = [...used.pack.entries.keys()].find((k) => k.startsWith('header:'))!;
    expect(cache.get(header)).toBeUndefined();
    const first = await checkWithPack(cache, used, async () => cache.get(header));
    expect(first.result).toBe(used.pack.entries.get(header));
    expect(first.pack).toMatchObject({ outcome: 'used', entries: used.pack.entries.size, read: 1 });
    // The header was read by the check before: this one reads one new entry.
    const tx = [...used.pack.entries.keys()].find((k) => k.startsWith('tx:'))!;
    const second = await checkWithPack(cache, used, async () => [cache.get(header), cache.get(tx)]);
    expect(second.pack).toMatchObject({ read: 1 });
  });

  it('reports a pack that was not there, and nothing when none was looked for', async () => {
    const cache = packedCache(new Map());
    expect(await checkWithPack(cache, { outcome: 'none', url: BASE, reason: 'HTTP 404' }, async () => 7)).toEqual({ result: 7, pack: { url: BASE, outcome: 'none', reason: 'HTTP 404' } });
    expect(await checkWithPack(cache, undefined, async () => 7)).toEqual({ result: 7 });
    expect(cache.use().packs).toBe(0);
  });
});
