import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes } from '../../bytes';
import { parseHeader, verifyPow } from '../../chain/header';
import { merkleProofFromTxids, merkleRootFromTxids } from '../../chain/merkle';
import { networkFromName } from '../../chain/network';
import { parseTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import { createEsploraClient } from '../../esplora/client';
import { fetchBlock } from './blocks';
import { fetchStake } from './stakes';
import { once } from '../../once.test-util';

const A = 'https://a.example/api';
const B = 'https://b.example/api';
const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);

/** A one-input, one-output legacy transaction spending `prev:vout` (95 bytes). */
function tx(prev: string, vout: number, script: Uint8Array): Uint8Array {
  return concatBytes(le32(2), Uint8Array.of(1), hexToBytes(prev).reverse(), le32(vout), Uint8Array.of(1, 0x51), le32(0xffffffff),
    Uint8Array.of(1), le32(10_000), le32(0), Uint8Array.of(script.length), script, le32(0));
}
const SPEND_HEIGHT = 120;
/** A regtest header whose Merkle root holds the coinbase and `spender`, mined to its target. */
function mined(txids: readonly string[]): { hash: string; hex: string } {
  const net = networkFromName('regtest');
  const root = hexToBytes(merkleRootFromTxids(txids)).reverse();
  for (let nonce = 0; ; nonce++) {
    const h = concatBytes(le32(4), new Uint8Array(32), root, le32(1_700_000_000), le32(0x207fffff), le32(nonce));
    const header = parseHeader(h);
    try {
      verifyPow(header, net);
      return { hash: header.hash, hex: bytesToHex(h) };
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
    }
  }
}
/** The funding and spending transactions, the block's coinbase, its txids and the mined header. */
const chainData = once(() => {
  const p2tr = concatBytes(Uint8Array.of(0x51, 0x20), new Uint8Array(32).fill(7));
  const funding = parseTx(tx('11'.repeat(32), 0, p2tr));
  const spender = parseTx(tx(funding.txid, 0, p2tr));
  /** The block's coinbase: its scriptSig starts with the height (BIP34: 01 78 for 120), so the block proves it. */
  const coinbase = parseTx(concatBytes(le32(2), Uint8Array.of(1), new Uint8Array(32), le32(0xffffffff), Uint8Array.of(3, 1, SPEND_HEIGHT, 0), le32(0xffffffff),
    Uint8Array.of(1), le32(10_000), le32(0), Uint8Array.of(p2tr.length), p2tr, le32(0)));
  const txids = [coinbase.txid, spender.txid];
  return { funding, spender, coinbase, txids, block: mined(txids) };
});

/** Hosts serving the funding and spending transactions, the spender's block (its height proven) and proof; outspends answered per host. */
function clientWith(outspend: Record<string, () => Response>, knownToA = false) {
  const { funding, spender, coinbase, txids, block } = chainData();
  const fetch = (async (input: string) => {
    const url = String(input);
    const host = [A, B].find((h) => url.startsWith(h))!;
    const path = url.slice(host.length);
    if (path.includes('/outspend/')) return outspend[host]!();
    if (path === `/tx/${funding.txid}/raw`) return new Response(funding.bytes as BodyInit);
    if (path === `/tx/${spender.txid}/raw`) return new Response(spender.bytes as BodyInit);
    if (path === `/tx/${coinbase.txid}/raw`) return new Response(coinbase.bytes as BodyInit);
    if (path === `/tx/${spender.txid}/merkle-proof`) return Response.json({ block_height: SPEND_HEIGHT, merkle: merkleProofFromTxids(txids, 1), pos: 1 });
    if (path === `/tx/${spender.txid}/status`) return Response.json(host === A && knownToA ? { confirmed: true, block_height: SPEND_HEIGHT, block_hash: block.hash, block_time: 1 } : { confirmed: false });
    if (path === `/block-height/${SPEND_HEIGHT}`) return new Response(block.hash);
    if (path === `/block/${block.hash}/header`) return new Response(block.hex);
    if (path === `/block/${block.hash}/txids`) return Response.json(txids);
    return new Response('not found', { status: 404 });
  }) as unknown as typeof globalThis.fetch;
  return createEsploraClient({ hosts: [A, B], network: 'regtest', fetch, requestsPerSecond: 1000, burst: 100, retries: 0, timeoutMs: 100 });
}
const json = (v: unknown) => () => Response.json(v);
const spentBy = (txid: string, height = 1) => json({ spent: true, txid, vin: 0, status: { confirmed: true, block_height: height, block_hash: '00'.repeat(32), block_time: 1 } });
const stakeOf = (c: ReturnType<typeof clientWith>) => fetchStake(c, chainData().funding.txid, 0, (h) => fetchBlock(c, h));

describe('when the stake outpoint is asked of two hosts', () => {
  it('one host naming a real spender is heard even when the other says "unspent", at the height its Merkle branch proves', async () => {
    const { spender, block } = chainData();
    const s = await stakeOf(clientWith({ [A]: json({ spent: false }), [B]: spentBy(spender.txid) }));
    expect(s.outspends?.[B]).toMatchObject({ spent: true, txid: spender.txid, status: { confirmed: true, block_height: SPEND_HEIGHT, block_hash: block.hash } });
    expect(s.outspends?.[A]).toBeUndefined();
  });

  it('a host saying "unspent" while it reports the proven spender confirmed is caught hiding the spend; one that does not know it is not', async () => {
    const { spender } = chainData();
    const hiding = clientWith({ [A]: json({ spent: false }), [B]: spentBy(spender.txid) }, true);
    await stakeOf(hiding);
    expect(hiding.hostsReport().liars).toMatchObject([{ host: A, code: 'CHAIN_SPENDER_HIDDEN' }]);
    const lagging = clientWith({ [A]: json({ spent: false }), [B]: spentBy(spender.txid) });
    await stakeOf(lagging);
    expect(lagging.hostsReport().liars).toEqual([]);
  });

  it('a host naming a spender no host has is caught lying, and the other\'s "unspent" stands', async () => {
    const c = clientWith({ [A]: json({ spent: false }), [B]: spentBy('ee'.repeat(32)) });
    const s = await stakeOf(c);
    expect(s.error).toBeUndefined();
    expect(s.outspends).toEqual({ [A]: { spent: false } });
    expect(c.hostsReport().liars).toMatchObject([{ host: B, code: 'CHAIN_SPENDER_UNKNOWN' }]);
  });

  it('"unspent" from one host while the other cannot answer is not enough: the stake is unavailable', async () => {
    const s = await stakeOf(clientWith({ [A]: () => new Response('busy', { status: 500 }), [B]: json({ spent: false }) }));
    expect(s.error?.code).toBe('FETCH_HTTP_STATUS');
    expect(s.outspends).toBeUndefined();
  });

  it('is an error when no host answers', async () => {
    const down = () => new Response('busy', { status: 500 });
    const s = await stakeOf(clientWith({ [A]: down, [B]: down }));
    expect(s.error?.code).toMatch(/^FETCH_/);
  });
});
