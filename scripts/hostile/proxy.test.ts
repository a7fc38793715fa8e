import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../src/core/bytes';
import { parseHeader } from '../../src/core/chain/header';
import { parseTx } from '../../src/core/chain/tx';
import { createTransport } from '../../src/core/esplora/transport';
import listing from '../../vectors/esplora/devnet-marker-listing.json';
import { answerFromVectors } from '../../vectors/spv/esplora-fixture';
import { REAL_PROOFS } from '../../vectors/spv/real-proofs';
import { startHostileProxy, type HostileProxy } from './proxy';
import type { Fault } from './faults';

/** An honest upstream: the real mainnet vectors, plus a marker listing, a txid list and an outspend. */
let upstream: Server;
let base = '';
const reveal = REAL_PROOFS.find((p) => p.name.startsWith('mainnet-789219'))!;
const txids = ['11'.repeat(32), '22'.repeat(32), '33'.repeat(32)];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/api/, '');
    if (path.includes('/txs/chain')) return res.end(JSON.stringify(listing.listing));
    if (path.endsWith('/txids')) return res.end(JSON.stringify(txids));
    if (path.includes('/outspend/')) return res.end('{"spent":false}');
    const a = answerFromVectors('mainnet', path);
    res.writeHead(a.status, { 'content-type': a.contentType, 'access-control-allow-origin': '*' });
    res.end(a.body);
  });
  await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise((ok) => upstream.close(ok)));

async function through<T>(faults: (Fault | string)[], fn: (p: HostileProxy) => Promise<T>, seed?: string): Promise<T> {
  const p = await startHostileProxy({ upstream: base, faults, ...(seed ? { seed } : {}) });
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}
const paths = Array.from({ length: 120 }, (_, i) => `/tx/${i.toString(16).padStart(64, '0')}/status`);
const statuses = (p: HostileProxy) => Promise.all(paths.map(async (x) => (await fetch(p.url + x)).status));

describe('flaky proxies', () => {
  it('refuse at about their rate, the same way for the same seed, whatever the order', async () => {
    const a = await through(['429-30'], statuses);
    const refused = a.filter((s) => s === 429).length / a.length;
    expect(refused).toBeGreaterThan(0.2);
    expect(refused).toBeLessThan(0.4);
    expect(await through(['429-30'], statuses)).toEqual(a);
    expect(await through(['429-30'], statuses, 'another seed')).not.toEqual(a);
    expect(new Set(await through(['503-30'], statuses))).toEqual(new Set([200, 503]));
  });
  it('reset connections before the answer and mid-body', async () => {
    const outcomes = await through(['reset-50'], async (p) => {
      const results = await Promise.all(paths.slice(0, 60).map(async (x) => {
        try {
          const r = await fetch(p.url + x);
          await r.text();
          return 'ok';
        } catch (e) {
          return (e as Error).message.includes('terminated') ? 'mid-body' : 'before';
        }
      }));
      expect(p.stats.injected['reset-mid-body']).toBeGreaterThan(0);
      return new Set(results);
    });
    expect(outcomes).toEqual(new Set(['ok', 'before', 'mid-body']));
  });
  it('the verifier\'s transport gets through each of them to the honest answer', async () => {
    for (const preset of ['429-30', '503-30', 'reset-10', 'reset-50']) {
      await through([preset], async (p) => {
        const t = createTransport({ hosts: [p.url], fetch, requestsPerSecond: 1000, burst: 50, backoffBaseMs: 1, backoffMaxMs: 8 });
        const got = await Promise.all(paths.slice(0, 40).map((x) => t.request({ path: x, parse: (b) => new TextDecoder().decode(b) })));
        expect(got.every((g) => g.value === '{"confirmed":false}')).toBe(true);
        expect(t.report().totals.retries).toBeGreaterThan(0);
      });
    }
  });
});

describe('hostile proxies', () => {
  it('an endless body never ends, and the transport stops reading at the endpoint\'s cap', async () => {
    await through(['endless'], async (p) => {
      const t = createTransport({ hosts: [p.url], fetch, requestsPerSecond: 1000, retryBudgetMs: 2_000 });
      await expect(t.request({ path: '/blocks/tip/height', parse: () => 'x' })).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE' });
    });
  });
  it('a per-endpoint slowloris stalls that endpoint only', async () => {
    await through(['slowloris-header'], async (p) => {
      const t = createTransport({ hosts: [p.url], fetch, requestsPerSecond: 1000, timeoutMs: 300, retryBudgetMs: 700, backoffBaseMs: 1 });
      const header = t.request({ path: `/block/${reveal.blockHash}/header`, parse: (b) => b });
      expect((await t.request({ path: `/tx/${reveal.txid}/raw`, parse: (b) => parseTx(b).txid })).value).toBe(reveal.txid);
      await expect(header).rejects.toMatchObject({ code: 'FETCH_TIMEOUT' });
      expect(p.stats.injected['slow-drip']).toBeGreaterThan(0);
    });
  });
  it('garbage with 200: an HTML page, broken JSON', async () => {
    expect(await through(['html-200'], async (p) => (await fetch(`${p.url}/blocks/tip/height`)).text())).toContain('<html>');
    expect(await through(['json-200'], async (p) => (await fetch(`${p.url}/blocks/tip/height`)).text())).toMatch(/^\{/);
  });
});

describe('lying proxies', () => {
  const get = (p: HostileProxy, path: string) => fetch(p.url + path).then(async (r) => Buffer.from(await r.arrayBuffer()));

  it('flip-witness keeps the txid and changes the envelope\'s tapscript (raw, hex and listing JSON)', async () => {
    await through(['flip-witness'], async (p) => {
      const raw = parseTx(await get(p, `/tx/${reveal.txid}/raw`));
      const honest = parseTx(reveal.txHex);
      expect(raw.txid).toBe(honest.txid);
      expect(raw.wtxid).not.toBe(honest.wtxid);
      const hex = parseTx((await get(p, `/tx/${reveal.txid}/hex`)).toString().trim());
      expect(hex.wtxid).toBe(raw.wtxid);
      const listed = JSON.parse((await get(p, `/address/${listing.address}/txs/chain`)).toString()) as { vin: { witness: string[] }[] }[];
      expect(JSON.stringify(listed)).not.toBe(JSON.stringify(listing.listing));
      expect(listed.map((t) => t.vin.length)).toEqual(listing.listing.map((t) => t.vin.length));
    });
  });
  it('flip-header serves a header that no longer hashes to its block', async () => {
    await through(['flip-header'], async (p) => {
      const h = parseHeader(hexToBytes((await get(p, `/block/${reveal.blockHash}/header`)).toString()));
      expect(h.hash).not.toBe(reveal.blockHash);
    });
  });
  it('flip-merkle-pos and flip-merkle-branch change the proof', async () => {
    const proof = (lie: string) => through([lie], async (p) => JSON.parse((await get(p, `/tx/${reveal.txid}/merkle-proof`)).toString()) as typeof reveal.proof);
    expect((await proof('flip-merkle-pos')).pos).toBe(reveal.proof.pos ^ 1);
    const branch = await proof('flip-merkle-branch');
    expect(branch.pos).toBe(reveal.proof.pos);
    expect(branch.merkle[0]).not.toBe(reveal.proof.merkle[0]);
  });
  it('drop-listing drops entries (the same ones every time); add-listing adds a transaction that does not exist', async () => {
    const listed = (lie: string) => through([lie], async (p) => (JSON.parse((await get(p, `/address/${listing.address}/txs/chain`)).toString()) as { txid: string }[]).map((t) => t.txid));
    const all = listing.listing.map((t) => t.txid);
    const dropped = await listed('drop-listing');
    expect(dropped.length).toBeLessThan(all.length);
    expect(all).toEqual(expect.arrayContaining(dropped));
    expect(await listed('drop-listing')).toEqual(dropped);
    const added = await listed('add-listing');
    expect(added.slice(1)).toEqual(all);
    expect(all).not.toContain(added[0]);
  });
  it('wrong-block-hash, tip-high, flip-tx, swap-txids, outspend-spent and outspend-unspent', async () => {
    await through(['wrong-block-hash'], async (p) => expect((await get(p, `/block-height/${reveal.proof.block_height}`)).toString()).not.toBe(reveal.blockHash));
    await through(['tip-high'], async (p) => expect(Number((await get(p, '/blocks/tip/height')).toString())).toBe(801_000));
    await through(['flip-tx'], async (p) => expect(parseTx(await get(p, `/tx/${reveal.txid}/raw`)).txid).not.toBe(reveal.txid));
    await through(['swap-txids'], async (p) => expect(JSON.parse((await get(p, `/block/${reveal.blockHash}/txids`)).toString())).toEqual([txids[1], txids[0], txids[2]]));
    await through(['outspend-spent'], async (p) => expect(JSON.parse((await get(p, `/tx/${reveal.txid}/outspend/0`)).toString())).toMatchObject({ spent: true }));
    await through(['outspend-unspent'], async (p) => {
      expect(JSON.parse((await get(p, `/tx/${reveal.txid}/outspend/0`)).toString())).toEqual({ spent: false });
      expect(p.stats.injected['outspend-unspent']).toBe(1);
    });
  });
  it('leaves error answers and endpoints a lie does not concern alone', async () => {
    await through(['flip-header'], async (p) => {
      expect(bytesToHex(await get(p, `/tx/${reveal.txid}/raw`))).toBe(reveal.txHex);
      expect((await fetch(`${p.url}/block/${'00'.repeat(32)}/header`)).status).toBe(404);
      expect(p.stats.passed).toBe(2);
    });
  });
  it('fronts loopback hosts only', async () => {
    await expect(startHostileProxy({ upstream: 'https://mempool.space/api', faults: [] })).rejects.toThrow(RangeError);
  });
});
