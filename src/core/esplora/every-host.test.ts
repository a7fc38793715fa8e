import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../bytes';
import { parseTx } from '../chain/tx';
import type { VerifyError } from '../errors';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { vectorFetch } from '../../../vectors/spv/esplora-fixture';
import { settleBlockAtHeight, tipHeight } from './block-at-height';
import { createEsploraClient } from './client';
import { isComplete, listingFromEveryHost, omissionsOf } from './listing';
import { outspendFromEveryHost, unspentByEveryHost } from './outspends';

const [A, B, C] = ['https://a.example/api', 'https://b.example/api', 'https://c.example/api'];
const main = REAL_PROOFS.filter((p) => p.network === 'mainnet');
const p = main[1]!;
const other = main.find((q) => q.blockHash !== p.blockHash)!;
const height = p.proof.block_height;
const honest = vectorFetch('mainnet');
const failure = (x: Promise<unknown>) => x.then(() => undefined, (e: VerifyError) => e);

/** Hosts answering honestly from the vectors unless `lie` answers a path for them. */
function client(hosts: string[], lie: Record<string, (path: string) => Response | undefined> = {}) {
  const fetch = (async (input: string, init?: RequestInit) => {
    const host = hosts.find((h) => String(input).startsWith(h))!;
    return lie[host]?.(String(input).slice(host.length)) ?? honest(input, init);
  }) as unknown as typeof globalThis.fetch;
  return createEsploraClient({ hosts, fetch, network: 'mainnet', requestsPerSecond: 1000, burst: 100, retryBudgetMs: 100, backoffBaseMs: 1, backoffMaxMs: 2 });
}
const names = (hash: string) => (path: string) => (path.startsWith('/block-height/') ? new Response(hash) : undefined);

describe('settling the block at a height', () => {
  it('hosts that agree on a block with valid proof of work give it', async () => {
    const b = await settleBlockAtHeight(client([A, B]), height);
    expect(b).toMatchObject({ hash: p.blockHash, hosts: { [A]: p.blockHash, [B]: p.blockHash } });
    expect(b.header.hash).toBe(p.blockHash);
  });
  it('a host naming a block it cannot show is caught lying, and the proven block stands (liar first or last)', async () => {
    for (const order of [[A, B], [B, A]]) {
      const c = client(order, { [A]: names('ab'.repeat(32)) });
      expect((await settleBlockAtHeight(c, height)).hash).toBe(p.blockHash);
      expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_UNPROVEN_BLOCK' }]);
    }
  });
  it('two hosts each showing a block with valid proof of work cannot be decided: FETCH_HOSTS_DISAGREE, nobody blamed', async () => {
    const c = client([A, B], { [A]: names(other.blockHash) });
    expect(await failure(settleBlockAtHeight(c, height))).toMatchObject({ code: 'FETCH_HOSTS_DISAGREE', evidence: { height } });
    expect(c.hostsReport().liars).toEqual([]);
  });
  it('a host that cannot answer does not stop the others', async () => {
    const c = client([A, B], { [A]: () => new Response('busy', { status: 500 }) });
    expect(await settleBlockAtHeight(c, height)).toMatchObject({ hash: p.blockHash, hosts: { [A]: 'error:FETCH_HTTP_STATUS' } });
  });
  it('no host knowing the height is FETCH_NOT_FOUND', async () => {
    expect(await failure(settleBlockAtHeight(client([A, B]), 1))).toMatchObject({ code: 'FETCH_NOT_FOUND' });
  });
});

describe('settling the tip', () => {
  const tipAt = (h: number) => (path: string) => (path === '/blocks/tip/height' ? new Response(String(h)) : undefined);
  it('hosts that agree are believed without more questions', async () => {
    const c = client([A, B], { [A]: tipAt(5), [B]: tipAt(5) });
    expect(await tipHeight(c)).toBe(5);
    expect(c.hostsReport().totals.requests).toBe(2);
  });
  it('a tip no host can show a block for is not believed, and its claimant is named', async () => {
    const c = client([A, B], { [A]: tipAt(900_000), [B]: tipAt(height) });
    expect(await tipHeight(c)).toBe(height);
    expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_UNPROVEN_TIP' }]);
  });
});

describe('a listing from every host', () => {
  const tx = (i: number, h: number | null) => ({ txid: bytesToHex(sha256(Uint8Array.of(i))), status: h === null ? { confirmed: false } : { confirmed: true, block_height: h, block_hash: 'cd'.repeat(32), block_time: 1 } });
  const all = [tx(5, null), tx(4, 30), tx(3, 20), tx(2, 20), tx(1, 10)];
  const serve = (items: typeof all) => (path: string) => (path.includes('/txs/chain') ? new Response(JSON.stringify(items)) : undefined);
  const address = 'bc1qexampleaddressxyz';

  it('is the union of what the hosts list, newest first, with who listed what', async () => {
    const c = client([A, B], { [A]: serve([all[0]!, all[1]!, all[4]!]), [B]: serve([all[2]!, all[3]!, all[4]!]) });
    const l = await listingFromEveryHost(c, address);
    expect(l.txs.map((t) => t.txid)).toEqual(all.map((t) => t.txid));
    expect(l.listedBy.get(all[4]!.txid)).toEqual([A, B]);
    expect(isComplete(l)).toBe(true);
  });
  it('is incomplete when a host could not list (an absence then proves nothing)', async () => {
    const c = client([A, B], { [A]: serve(all), [B]: () => new Response('', { status: 503 }) });
    const l = await listingFromEveryHost(c, address);
    expect(l.txs.length).toBe(all.length);
    expect(isComplete(l)).toBe(false);
  });
  it('names a host hiding a proven entry it must have indexed, not one that has not reached its block', async () => {
    const c = client([A, B, C], { [A]: serve(all), [B]: serve([all[1]!, all[3]!, all[4]!]), [C]: serve([all[4]!]) });
    const l = await listingFromEveryHost(c, address);
    const proven = new Map([[all[2]!.txid, 20], [all[1]!.txid, 30]]);
    expect(omissionsOf(l, proven)).toEqual([
      { host: B, txid: all[2]!.txid, height: 20, listsUpTo: 30 },
    ]);
    // A host known to have indexed height 30 (it named a transaction there) hides what it leaves out below, however
    // little it lists; a host not known to have is judged by its own listing only.
    expect(omissionsOf({ ...l, indexedTo: new Map([[C, 30]]) }, proven)).toEqual([
      { host: B, txid: all[2]!.txid, height: 20, listsUpTo: 30 },
      { host: C, txid: all[2]!.txid, height: 20, listsUpTo: 30 },
      { host: C, txid: all[1]!.txid, height: 30, listsUpTo: 30 },
    ]);
  });
});

describe('outspends from every host', () => {
  const spender = parseTx(p.txHex);
  const spent = spender.inputs[0]!;
  const says = (body: object) => (path: string) => (path.includes('/outspend/') ? new Response(JSON.stringify(body)) : undefined);
  const spentBy = (txid: string, vin: number) => says({ spent: true, txid, vin, status: { confirmed: true, block_height: height, block_hash: p.blockHash, block_time: 1 } });

  it('a spender that really spends the output is kept, with the hosts naming it', async () => {
    const c = client([A, B], { [A]: spentBy(p.txid, 0), [B]: spentBy(p.txid, 0) });
    const a = await outspendFromEveryHost(c, spent.txid, spent.vout);
    expect(a.spenders).toMatchObject([{ hosts: [A, B], vin: 0 }]);
    expect(a.spenders[0]!.tx.txid).toBe(p.txid);
  });
  it('a host naming a spender whose input spends something else is caught lying', async () => {
    const c = client([A, B], { [A]: spentBy(p.txid, 0), [B]: says({ spent: false }) });
    const a = await outspendFromEveryHost(c, 'ef'.repeat(32), 0);
    expect(a.spenders).toEqual([]);
    expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_SPENDER_MISMATCH' }]);
    expect(unspentByEveryHost(a, c.liveHosts())).toBe(true);
  });
  it('"unspent" counts only when every live host says so', async () => {
    const c = client([A, B], { [A]: says({ spent: false }), [B]: () => new Response('', { status: 500 }) });
    const a = await outspendFromEveryHost(c, spent.txid, spent.vout);
    expect(unspentByEveryHost(a, c.liveHosts())).toBe(false);
  });
  it('a host naming a spender no host has is caught lying', async () => {
    const c = client([A, B], { [A]: spentBy('99'.repeat(32), 0), [B]: says({ spent: false }) });
    await outspendFromEveryHost(c, spent.txid, spent.vout);
    expect(c.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_SPENDER_UNKNOWN' }]);
  });
});
