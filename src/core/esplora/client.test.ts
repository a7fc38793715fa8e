import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, sha256, sha256d, toDisplayHex } from '../bytes';
import { VerifyError } from '../errors';
import { merkleRootFromTxids } from '../chain/merkle';
import devnetListing from '../../../vectors/esplora/devnet-marker-listing.json';
import mainnetBlock from '../../../vectors/esplora/esplora-mainnet-block-696394.json';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { answerFromVectors, vectorFetch } from '../../../vectors/spv/esplora-fixture';
import { createEsploraClient, type EsploraClientOptions } from './client';

const A = 'https://a.example/api';
const B = 'https://b.example/api';
const fast = { backoffBaseMs: 1, backoffMaxMs: 2, requestsPerSecond: 1000, burst: 100, timeoutMs: 50, retries: 1 };
const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: VerifyError) => e.code);
const main = REAL_PROOFS.filter((p) => p.network === 'mainnet');
const [p1, p2] = [main[1]!, main[2]!];

/** The vector server, with some paths answered differently per host (a lying or broken host). */
function hosts(override: Record<string, (path: string) => Response | undefined> = {}) {
  const calls: string[] = [];
  const honest = vectorFetch('mainnet');
  const fetch = (async (input: string, init?: RequestInit) => {
    calls.push(String(input));
    const host = Object.keys(override).find((h) => String(input).startsWith(h));
    const r = host ? override[host]!(String(input).slice(host.length)) : undefined;
    return r ?? honest(input, init);
  }) as unknown as typeof globalThis.fetch;
  const client = (o: Partial<EsploraClientOptions> = {}) => createEsploraClient({ ...fast, hosts: [A], network: 'mainnet', fetch, ...o });
  return { client, calls };
}

describe('against an honest server', () => {
  it('returns re-hashed headers and transactions, checked proofs and plain values', async () => {
    const c = hosts().client();
    expect(await c.fetchTipHeight()).toBe(800000);
    expect(await c.fetchBlockHash(p1.proof.block_height)).toBe(p1.blockHash);
    expect((await c.fetchHeader(p1.blockHash)).hash).toBe(p1.blockHash);
    expect((await c.fetchTx(p1.txid)).txid).toBe(p1.txid);
    expect(await c.fetchMerkleProof(p1.txid)).toEqual(p1.proof);
    expect(await c.fetchTxStatus(p1.txid)).toMatchObject({ confirmed: true, block_hash: p1.blockHash });
    expect((await c.fetchBlock(p1.blockHash)).height).toBe(696394);
  });

  it('caches immutable answers: a second fetch of the same tx or header makes no request', async () => {
    const { client, calls } = hosts();
    const c = client();
    await c.fetchTx(p1.txid);
    await c.fetchHeader(p1.blockHash);
    const n = calls.length;
    await c.fetchTx(p1.txid);
    await c.fetchHeader(p1.blockHash);
    expect(calls.length).toBe(n);
  });

  it('caches a merkle proof only once its block is deep under a tip it has seen', async () => {
    const cache = new Map<string, unknown>();
    const c = hosts().client({ cache });
    await c.fetchMerkleProof(p1.txid);
    expect(cache.has(`merkle:${p1.txid}`)).toBe(false);
    await c.fetchTipHeight();
    await c.fetchMerkleProof(p1.txid);
    expect(cache.has(`merkle:${p1.txid}`)).toBe(true);
  });

});

describe('when a server lies', () => {
  it('serving another transaction\'s bytes under a txid names the host a liar and takes the next host\'s answer', async () => {
    const { client, calls } = hosts({ [A]: (path) => (path.endsWith('/raw') ? new Response(hexToBytes(p2.txHex) as BodyInit) : undefined) });
    const c = client({ hosts: [A, B] });
    expect((await c.fetchTx(p1.txid)).txid).toBe(p1.txid);
    expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_TXID_MISMATCH', path: `/tx/${p1.txid}/raw` }]);
    expect(c.liveHosts()).toEqual([B]);
    // Dropped for the run: the liar is asked nothing more.
    await c.fetchHeader(p1.blockHash);
    expect(calls.filter((u) => u.startsWith(A)).length).toBe(1);
  });
  it('with no other host, a lie is FETCH_NO_HONEST_HOST naming the liar (no accusation, no retry)', async () => {
    const { client, calls } = hosts({ [A]: (path) => (path.endsWith('/raw') ? new Response(hexToBytes(p2.txHex) as BodyInit) : undefined) });
    const e = await client().fetchTx(p1.txid).then(() => undefined, (x: VerifyError) => x);
    expect(e).toMatchObject({ code: 'FETCH_NO_HONEST_HOST', evidence: { liars: [{ host: A, code: 'CHAIN_TXID_MISMATCH' }] } });
    expect(calls.length).toBe(1);
  });
  it('serving another block\'s header is caught (CHAIN_HEADER_HASH_MISMATCH) and the honest host answers', async () => {
    const other = REAL_PROOFS.at(-1)!.headerHex;
    const { client } = hosts({ [A]: (path) => (path.endsWith('/header') ? new Response(other) : undefined) });
    const c = client({ hosts: [A, B] });
    expect((await c.fetchHeader(p1.blockHash)).hash).toBe(p1.blockHash);
    expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_HEADER_HASH_MISMATCH' }]);
  });
  it('a txid list that does not hash to the header\'s root is caught (CHAIN_MERKLE_ROOT_MISMATCH)', async () => {
    const txids = Array.from({ length: 5 }, (_, i) => bytesToHex(sha256(Uint8Array.of(i))));
    const header = new Uint8Array(80);
    header.set(hexToBytes(merkleRootFromTxids(txids)).reverse(), 36);
    const hash = toDisplayHex(sha256d(header));
    const serve = (list: string[]) => (path: string) =>
      path.endsWith('/header') ? new Response(bytesToHex(header)) : path.endsWith('/txids') ? new Response(JSON.stringify(list)) : undefined;
    expect(await hosts({ [A]: serve(txids) }).client().fetchBlockTxids(hash)).toEqual(txids);
    const swapped = [txids[1]!, txids[0]!, ...txids.slice(2)];
    const liar = hosts({ [A]: serve(swapped), [B]: serve(txids) }).client({ hosts: [A, B] });
    expect(await liar.fetchBlockTxids(hash)).toEqual(txids);
    expect(liar.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_MERKLE_ROOT_MISMATCH' }]);
  });
  it('a broadcast answered with another txid is CHAIN_TXID_MISMATCH', async () => {
    const { client } = hosts({ [A]: () => new Response(p2.txid) });
    expect(await codeOf(client().broadcast(p1.txHex))).toBe('CHAIN_TXID_MISMATCH');
    const ok = hosts({ [A]: () => new Response(p1.txid) });
    expect(await ok.client().broadcast(p1.txHex)).toBe(p1.txid);
  });
});

describe('when the caller passes a chain check', () => {
  const wrongPos = (path: string) => (path.endsWith('/merkle-proof') ? new Response(JSON.stringify({ ...p1.proof, pos: p1.proof.pos ^ 1 })) : undefined);
  const leadsToRoot = (proof: { pos: number }) => {
    if (proof.pos !== p1.proof.pos) throw new VerifyError('CHAIN_MERKLE_ROOT_MISMATCH', 'the branch does not lead to the verified header');
  };
  it('an answer failing it names the host and the next host answers', async () => {
    const c = hosts({ [A]: wrongPos }).client({ hosts: [A, B] });
    expect(await c.fetchMerkleProof(p1.txid, { check: leadsToRoot })).toEqual(p1.proof);
    expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_MERKLE_ROOT_MISMATCH' }]);
  });
  it('a cached answer failing it is a miss, and the host that gave it this run is named', async () => {
    const cache = new Map<string, unknown>();
    const { client } = hosts({ [A]: wrongPos });
    const c = client({ hosts: [A, B], cache });
    await c.fetchTipHeight();
    expect((await c.fetchMerkleProof(p1.txid)).pos).toBe(p1.proof.pos ^ 1);
    expect(cache.has(`merkle:${p1.txid}`)).toBe(true);
    expect(await c.fetchMerkleProof(p1.txid, { check: leadsToRoot })).toEqual(p1.proof);
    expect(c.liveHosts()).toEqual([B]);
    expect(cache.get(`merkle:${p1.txid}`)).toEqual(p1.proof);
  });
  it('a cached answer failing it, with no host answering better, is a finding and blames nobody', async () => {
    const cache = new Map<string, unknown>();
    const c = hosts({ [A]: wrongPos, [B]: wrongPos }).client({ hosts: [A, B], cache });
    await c.fetchTipHeight();
    await c.fetchMerkleProof(p1.txid);
    expect(await codeOf(c.fetchMerkleProof(p1.txid, { check: leadsToRoot }))).toBe('CHAIN_MERKLE_ROOT_MISMATCH');
    expect(c.hostsReport().liars).toEqual([]);
  });
  it('a check that cannot fetch what it needs (FETCH_) ends the request without blaming anyone', async () => {
    const c = hosts().client({ hosts: [A, B] });
    const cannot = () => { throw new VerifyError('FETCH_NOT_FOUND', 'no header'); };
    expect(await codeOf(c.fetchMerkleProof(p1.txid, { check: cannot }))).toBe('FETCH_NOT_FOUND');
    expect(c.hostsReport().liars).toEqual([]);
  });
  it('sourceOf names the host of each answer', async () => {
    const c = hosts({ [A]: () => new Response('nope', { status: 404 }) }).client({ hosts: [A, B] });
    expect(c.sourceOf(await c.fetchTx(p1.txid))).toBe(B);
  });
});

describe('when a server is broken', () => {
  it('a truncated raw transaction is FETCH_BAD_BODY, and another host is asked', async () => {
    const truncated = (path: string) => (path.endsWith('/raw') ? new Response(hexToBytes(p1.txHex).slice(0, 100) as BodyInit) : undefined);
    expect(await codeOf(hosts({ [A]: truncated }).client().fetchTx(p1.txid))).toBe('FETCH_BAD_BODY');
    expect((await hosts({ [A]: truncated }).client({ hosts: [A, B] }).fetchTx(p1.txid)).txid).toBe(p1.txid);
  });
  const garbage: [string, (c: ReturnType<typeof createEsploraClient>) => Promise<unknown>, string][] = [
    ['a merkle proof with a string pos', (c) => c.fetchMerkleProof(p1.txid), '{"block_height":1,"merkle":[],"pos":"0"}'],
    ['a truncated JSON proof', (c) => c.fetchMerkleProof(p1.txid), '{"block_height":696394,"merkle":["a0'],
    ['a tip height that is HTML', (c) => c.fetchTipHeight(), '<html>oops</html>'],
    ['a block hash of 63 hex', (c) => c.fetchBlockHash(1), 'a'.repeat(63)],
    ['a header that is not hex', (c) => c.fetchHeader(p1.blockHash), 'zz'.repeat(80)],
    ['a status without block hash', (c) => c.fetchTxStatus(p1.txid), '{"confirmed":true,"block_height":1}'],
    ['an outspend without txid', (c) => c.fetchOutspend(p1.txid, 0), '{"spent":true}'],
    ['an outspends answer that is not a list', (c) => c.fetchOutspends(p1.txid), '{"spent":false}'],
    ['an outspends list with a spender without txid', (c) => c.fetchOutspends(p1.txid), '[{"spent":false},{"spent":true}]'],
    ['a utxo with a negative value', (c) => c.fetchAddressUtxo('bc1qxyzxyzxyzxyzxyz'), '[{"txid":"' + 'a'.repeat(64) + '","vout":0,"value":-1,"status":{"confirmed":false}}]'],
    ['fee estimates with a string rate', (c) => c.fetchFeeEstimates(), '{"1":"fast"}'],
    ['block JSON for another block', (c) => c.fetchBlock(p1.blockHash), JSON.stringify(answerFromVectors('testnet', '/block/' + REAL_PROOFS.find((p) => p.network === 'testnet')!.blockHash).body)],
  ];
  for (const [what, call, body] of garbage) {
    it(`${what} is FETCH_BAD_BODY`, async () => {
      const c = hosts({ [A]: () => new Response(body) }).client();
      expect(await codeOf(call(c))).toBe('FETCH_BAD_BODY');
    });
  }
  it('well-formed small answers parse', async () => {
    const c = (body: string) => hosts({ [A]: () => new Response(body) }).client();
    expect(await c('{"spent":false}').fetchOutspend(p1.txid, 1)).toEqual({ spent: false });
    const spender = { spent: true, txid: 'b'.repeat(64), vin: 2, status: { confirmed: true, block_height: 7, block_hash: 'c'.repeat(64), block_time: 1_700_000_000 } };
    expect(await c(JSON.stringify([{ spent: false }, spender])).fetchOutspends(p1.txid)).toEqual([{ spent: false }, spender]);
    expect(await c('{"1":87.9,"144":1.01}').fetchFeeEstimates()).toEqual({ 1: 87.9, 144: 1.01 });
    expect(await c('{"confirmed":false}').fetchTxStatus(p1.txid)).toEqual({ confirmed: false });
  });
});

describe('address history paging (/txs/chain/:last_seen, 25 per page)', () => {
  const history = Array.from({ length: 60 }, (_, i) => ({ txid: bytesToHex(sha256(Uint8Array.of(i))), status: { confirmed: false } }));
  const pager = (items: typeof history) => (path: string) => {
    const last = path.split('/txs/chain/')[1];
    const start = last ? items.findIndex((t) => t.txid === last) + 1 : 0;
    return new Response(JSON.stringify(items.slice(start, start + 25)));
  };
  it('follows pages until one has fewer than 25', async () => {
    const { client, calls } = hosts({ [A]: pager(history) });
    expect((await client().fetchAddressTxs('bcrt1qexampleaddress')).map((t) => t.txid)).toEqual(history.map((t) => t.txid));
    expect(calls.map((u) => u.slice(A.length))).toEqual([
      '/address/bcrt1qexampleaddress/txs/chain',
      `/address/bcrt1qexampleaddress/txs/chain/${history[24]!.txid}`,
      `/address/bcrt1qexampleaddress/txs/chain/${history[49]!.txid}`,
    ]);
  });
  it('from a transaction of the history: only what is older, paged on from it (the anchor itself is not listed)', async () => {
    const { client, calls } = hosts({ [A]: pager(history) });
    const got = await client().fetchAddressTxs('bcrt1qexampleaddress', { from: history[9]!.txid });
    expect(got.map((t) => t.txid)).toEqual(history.slice(10).map((t) => t.txid));
    expect(calls.map((u) => u.slice(A.length))).toEqual([
      `/address/bcrt1qexampleaddress/txs/chain/${history[9]!.txid}`,
      `/address/bcrt1qexampleaddress/txs/chain/${history[34]!.txid}`,
      `/address/bcrt1qexampleaddress/txs/chain/${history[59]!.txid}`,
    ]);
  });
  it('a page after the anchor that lists the anchor again is FETCH_BAD_BODY (a paging loop)', async () => {
    const { client } = hosts({ [A]: () => new Response(JSON.stringify(history.slice(0, 3))) });
    expect(await codeOf(client().fetchAddressTxs('bcrt1qexampleaddress', { from: history[1]!.txid }))).toBe('FETCH_BAD_BODY');
  });
  it('an anchor that is not a txid is refused before any request', async () => {
    const { client, calls } = hosts({ [A]: pager(history) });
    await expect(client().fetchAddressTxs('bcrt1qexampleaddress', { from: 'nope' })).rejects.toThrow();
    expect(calls).toEqual([]);
  });
  it('an exact multiple of 25 ends with an empty page', async () => {
    const { client, calls } = hosts({ [A]: pager(history.slice(0, 50)) });
    expect((await client().fetchAddressTxs('bcrt1qexampleaddress')).length).toBe(50);
    expect(calls.length).toBe(3);
  });
  it('a history of any length is read to its end (10,030 entries: 402 pages, past the old 400-page stop)', async () => {
    const long = Array.from({ length: 10_030 }, (_, i) => ({ txid: bytesToHex(sha256(new Uint8Array([i >> 8, i & 255, 7]))), status: { confirmed: false } }));
    const { client, calls } = hosts({ [A]: pager(long) });
    const got = await client({ requestsPerSecond: 100_000, burst: 1000 }).fetchAddressTxs('bcrt1qexampleaddress');
    expect(got.length).toBe(10_030);
    expect(got.at(-1)!.txid).toBe(long.at(-1)!.txid);
    expect(calls.length).toBe(402);
  });
  it('a server that pages without end is stopped by the caller\'s signal (FETCH_ABORTED), not followed forever', async () => {
    const stop = new AbortController();
    let served = 0;
    const endless = (path: string) => {
      if (++served === 30) stop.abort(new VerifyError('FETCH_ABORTED', 'cancelled'));
      const from = Number(path.split('/txs/chain/')[1] ? served * 25 : 0);
      return new Response(JSON.stringify(Array.from({ length: 25 }, (_, i) => ({ txid: bytesToHex(sha256(new Uint8Array([from >> 8, from & 255, i]))), status: { confirmed: false } }))));
    };
    const { client, calls } = hosts({ [A]: endless });
    expect(await codeOf(client().withSignal(stop.signal).fetchAddressTxs('bcrt1qexampleaddress'))).toBe('FETCH_ABORTED');
    expect(calls.length).toBe(30);
  });
  it('a server that repeats a page is caught (FETCH_BAD_BODY), not followed forever', async () => {
    const { client } = hosts({ [A]: () => new Response(JSON.stringify(history.slice(0, 25))) });
    expect(await codeOf(client().fetchAddressTxs('bcrt1qexampleaddress'))).toBe('FETCH_BAD_BODY');
  });
});

describe('caller bugs stay RangeErrors', () => {
  it('a malformed txid or path-injecting address is refused before any request', async () => {
    const { client, calls } = hosts();
    await expect(client().fetchTx('../../etc')).rejects.toThrow(RangeError);
    await expect(client().fetchAddressTxs('a/../../x')).rejects.toThrow(RangeError);
    expect(() => client({ hosts: ['ftp://x'] })).toThrow(RangeError);
    expect(calls.length).toBe(0);
  });
});

describe('when an address listing carries full transaction JSON', () => {
  const listed = mainnetBlock.txs.map((t) => ({ ...t.txJson, status: { confirmed: true, block_height: 696394, block_hash: mainnetBlock.blockJson.id, block_time: 1 } }));
  const listing = (items: unknown[]) => (path: string) => (path.includes('/txs/chain') ? new Response(JSON.stringify(items)) : undefined);
  const raws = (calls: string[]) => calls.filter((u) => u.endsWith('/raw'));

  it('every listed transaction (coinbase, P2WPKH, legacy) is then read with no /tx/:txid/raw request', async () => {
    const { client, calls } = hosts({ [A]: listing(listed) });
    const c = client();
    await c.fetchAddressTxs('bc1qexampleaddress');
    const txs = await Promise.all(mainnetBlock.txs.map((t) => c.fetchTx(t.txid)));
    expect(txs.map((t) => [t.txid, bytesToHex(t.bytes)])).toEqual(mainnetBlock.txs.map((t) => [t.txid, t.hex]));
    expect(raws(calls)).toEqual([]);
  });

  it('the devnet\'s recorded marker page: every listed reveal is then read with no further request', async () => {
    const { client, calls } = hosts({ [A]: (path) => (path === `/address/${devnetListing.address}/txs/chain` ? new Response(JSON.stringify(devnetListing.listing)) : new Response('Transaction not found', { status: 404 })) });
    const c = client({ network: 'regtest' });
    await c.fetchAddressTxs(devnetListing.address);
    const txs = await Promise.all(devnetListing.listing.map((t) => c.fetchTx(t.txid)));
    expect(Object.fromEntries(txs.map((t) => [t.txid, bytesToHex(t.bytes)]))).toEqual(devnetListing.raw);
    expect(calls.length).toBe(1);
  });

  it('a listing that changes an output value under the txid does not poison the cache: the raw bytes are fetched', async () => {
    const lie = structuredClone(listed);
    lie[1]!.vout[0]!.value += 1;
    const cache = new Map<string, unknown>();
    const { client, calls } = hosts({ [A]: listing(lie) });
    const c = client({ cache });
    await c.fetchAddressTxs('bc1qexampleaddress');
    expect(cache.has(`tx:${lie[1]!.txid}`)).toBe(false);
    expect(bytesToHex((await c.fetchTx(lie[1]!.txid)).bytes)).toBe(mainnetBlock.txs[1]!.hex);
    expect(raws(calls).length).toBe(1);
  });

  it('a listing that changes only a witness is cached under the same txid (the txid never binds a witness)', async () => {
    const lie = structuredClone(listed);
    (lie[1]!.vin[0] as { witness: string[] }).witness.pop();
    const c = hosts({ [A]: listing(lie) }).client();
    await c.fetchAddressTxs('bc1qexampleaddress');
    const tx = await c.fetchTx(lie[1]!.txid);
    expect([tx.txid, tx.inputs[0]!.witness.length]).toEqual([mainnetBlock.txs[1]!.txid, 1]);
  });

  it('an entry already cached is kept, and an item whose JSON is malformed is skipped without failing the listing', async () => {
    const odd = structuredClone(listed);
    odd[2]!.vout[0]!.value = -1;
    const cache = new Map<string, unknown>([[`tx:${listed[0]!.txid}`, hexToBytes(mainnetBlock.txs[0]!.hex)]]);
    const kept = cache.get(`tx:${listed[0]!.txid}`);
    await hosts({ [A]: listing(odd) }).client({ cache }).fetchAddressTxs('bc1qexampleaddress');
    expect(cache.get(`tx:${listed[0]!.txid}`)).toBe(kept);
    expect([...cache.keys()].sort()).toEqual([`tx:${listed[0]!.txid}`, `tx:${listed[1]!.txid}`].sort());
  });
});

describe('when a cache entry is tampered with or corrupt', () => {
  /** A cache whose entry under `key` is `bad`, the client over it and its request log. */
  const withEntry = (key: string, bad: unknown, override: Record<string, (path: string) => Response | undefined> = {}) => {
    const cache = new Map<string, unknown>([[key, bad]]);
    const { client, calls } = hosts(override);
    return { cache, calls, c: client({ cache }) };
  };

  for (const [what, bad] of [
    ['another transaction\'s bytes', hexToBytes(p2.txHex)],
    ['truncated bytes', hexToBytes(p1.txHex).slice(0, 100)],
    ['a number', 7],
    ['text that is not hex', 'not hex'],
  ] as const) {
    it(`a transaction entry holding ${what} is a miss: fetched again and overwritten`, async () => {
      const { cache, calls, c } = withEntry(`tx:${p1.txid}`, bad);
      expect((await c.fetchTx(p1.txid)).txid).toBe(p1.txid);
      expect(calls.length).toBe(1);
      expect(bytesToHex(cache.get(`tx:${p1.txid}`) as Uint8Array)).toBe(p1.txHex);
    });
  }

  it('a transaction entry kept as hex text (as some stores do) is a hit once re-hashed', async () => {
    const { calls, c } = withEntry(`tx:${p1.txid}`, p1.txHex);
    expect((await c.fetchTx(p1.txid)).txid).toBe(p1.txid);
    expect(calls.length).toBe(0);
  });

  it('a header entry holding another block\'s header is a miss: fetched again and overwritten', async () => {
    const { cache, calls, c } = withEntry(`header:${p1.blockHash}`, hexToBytes(REAL_PROOFS.at(-1)!.headerHex));
    expect((await c.fetchHeader(p1.blockHash)).hash).toBe(p1.blockHash);
    expect(calls.length).toBe(1);
    expect(bytesToHex(cache.get(`header:${p1.blockHash}`) as Uint8Array)).toBe(p1.headerHex);
  });

  it('a header entry of 79 bytes is a miss', async () => {
    const { calls, c } = withEntry(`header:${p1.blockHash}`, hexToBytes(p1.headerHex).slice(1));
    expect((await c.fetchHeader(p1.blockHash)).hash).toBe(p1.blockHash);
    expect(calls.length).toBe(1);
  });

  describe('a block txid list', () => {
    const txids = Array.from({ length: 5 }, (_, i) => bytesToHex(sha256(Uint8Array.of(i))));
    const header = new Uint8Array(80);
    header.set(hexToBytes(merkleRootFromTxids(txids)).reverse(), 36);
    const hash = toDisplayHex(sha256d(header));
    const serve = (path: string) =>
      path.endsWith('/header') ? new Response(bytesToHex(header)) : path.endsWith('/txids') ? new Response(JSON.stringify(txids)) : undefined;
    for (const [what, bad] of [
      ['in another order', [txids[1]!, txids[0]!, ...txids.slice(2)]],
      ['missing its last txid', txids.slice(0, 4)],
      ['holding a non-hash', [...txids.slice(0, 4), 'x']],
      ['that is empty', []],
    ] as const) {
      it(`${what} is re-rooted against the header, found wrong, fetched again and overwritten`, async () => {
        const { cache, calls, c } = withEntry(`txids:${hash}`, bad, { [A]: serve });
        expect(await c.fetchBlockTxids(hash)).toEqual(txids);
        expect(calls.filter((u) => u.endsWith('/txids')).length).toBe(1);
        expect(cache.get(`txids:${hash}`)).toEqual(txids);
      });
    }
    it('that re-roots is a hit', async () => {
      const { calls, c } = withEntry(`txids:${hash}`, [...txids], { [A]: serve });
      expect(await c.fetchBlockTxids(hash)).toEqual(txids);
      expect(calls.filter((u) => u.endsWith('/txids'))).toEqual([]);
    });
  });

  it('a merkle proof entry of the wrong shape is a miss: fetched again', async () => {
    const { calls, c } = withEntry(`merkle:${p1.txid}`, { block_height: 1, merkle: [], pos: '0' });
    expect(await c.fetchMerkleProof(p1.txid)).toEqual(p1.proof);
    expect(calls.length).toBe(1);
  });
});
