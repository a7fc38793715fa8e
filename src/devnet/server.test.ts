import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transaction } from '@scure/btc-signer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, reverse, sha256, sha256d, toDisplayHex } from '../core/bytes';
import { startDevnet, type Devnet } from './devnet';
import { blockSchema, merkleProofSchema, txSchema } from './golden-vectors';
import { shapeProblems } from './golden-shape';
import { PERMISSIVE } from './tx';
import { DevWallet } from './wallet';

let devnet: Devnet;
let dir: string;
/** A receiver with 30 payments confirmed in one block and 2 in the next. */
let target: DevWallet;
const burst: string[] = [];
const later: string[] = [];
let burstBlock = '';

interface Got {
  status: number;
  type: string | null;
  cors: string | null;
  cache: string | null;
  text: string;
  bytes: Uint8Array;
}

async function get(path: string, init?: RequestInit): Promise<Got> {
  const res = await fetch(`${devnet.url}${path}`, init);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    cors: res.headers.get('access-control-allow-origin'),
    cache: res.headers.get('cache-control'),
    text: new TextDecoder().decode(bytes),
    bytes,
  };
}

async function getJson<T = Record<string, unknown>>(path: string): Promise<T> {
  const r = await get(path);
  expect(r.status, `${path}: ${r.text}`).toBe(200);
  expect(r.type).toBe('application/json');
  return JSON.parse(r.text) as T;
}

const tipHash = async (): Promise<string> => (await get('/blocks/tip/hash')).text;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'devnet-server-'));
  devnet = await startDevnet({ port: 0, dataDir: dir, seed: 'server-test', fixture: false });
  target = new DevWallet({ baseUrl: devnet.url, seed: 'server-test:target' });
  for (let i = 0; i < 30; i++) burst.push(await devnet.wallet.pay([{ address: target.address, value: 10_000n + BigInt(i) }]));
});

afterAll(async () => {
  await devnet?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('when an address has 30 transactions in the mempool', () => {
  it('lists them newest first in /txs and /txs/mempool, with no confirmed ones', async () => {
    const all = await getJson<{ txid: string; status: { confirmed: boolean } }[]>(`/address/${target.address}/txs`);
    expect(all.map((t) => t.txid)).toEqual([...burst].reverse());
    expect(all.every((t) => t.status.confirmed === false)).toBe(true);
    const mem = await getJson<{ txid: string }[]>(`/address/${target.address}/txs/mempool`);
    expect(mem.map((t) => t.txid)).toEqual([...burst].reverse());
    const txids = await getJson<string[]>('/mempool/txids');
    expect(new Set(txids)).toEqual(new Set(burst));
    const stats = await getJson('/mempool');
    expect(Object.keys(stats)).toEqual(['count', 'vsize', 'total_fee', 'fee_histogram']);
    expect(stats.count).toBe(30);
  });

  it('answers merkle proofs for an unconfirmed tx with 404 and its status with confirmed:false', async () => {
    expect(await get(`/tx/${burst[0]}/merkle-proof`)).toMatchObject({ status: 404, text: 'Transaction not found or is unconfirmed' });
    expect(await getJson(`/tx/${burst[0]}/status`)).toEqual({ confirmed: false });
  });

  it('then confirms them all in one block of 31 transactions', async () => {
    const r = await fetch(`${devnet.url}/devnet/mine`, { method: 'POST', body: JSON.stringify({ blocks: 1, address: devnet.wallet.address }) });
    expect(r.status).toBe(200);
    const { hashes } = (await r.json()) as { hashes: string[] };
    burstBlock = hashes[0]!;
    expect((await getJson(`/block/${burstBlock}`)).tx_count).toBe(31);
    for (let i = 0; i < 2; i++) later.push(await devnet.wallet.pay([{ address: target.address, value: 20_000n }]));
    await devnet.wallet.mine(1);
    expect((await getJson('/mempool')).count).toBe(0);
  });
});

describe('when paging confirmed address history', () => {
  it('serves newest height first, spends-then-fundings by internal txid descending, 25 per page', async () => {
    const internal = (t: string) => bytesToHex(reverse(hexToBytes(t)));
    const expected = [
      ...[...later].sort((a, b) => (internal(a) < internal(b) ? 1 : -1)),
      ...[...burst].sort((a, b) => (internal(a) < internal(b) ? 1 : -1)),
    ];
    const page1 = (await getJson<{ txid: string }[]>(`/address/${target.address}/txs`)).map((t) => t.txid);
    expect(page1).toEqual(expected.slice(0, 25));
    const chain1 = (await getJson<{ txid: string }[]>(`/address/${target.address}/txs/chain`)).map((t) => t.txid);
    expect(chain1).toEqual(page1);
    const page2 = (await getJson<{ txid: string }[]>(`/address/${target.address}/txs/chain/${page1[24]}`)).map((t) => t.txid);
    expect(page2).toEqual(expected.slice(25));
    expect(await getJson(`/address/${target.address}/txs/chain/${page2.at(-1)}`)).toEqual([]);
    expect(await getJson(`/address/${target.address}/txs/chain/${'ab'.repeat(32)}`)).toEqual([]);
    const ignored = (await getJson<{ txid: string }[]>(`/address/${target.address}/txs/chain/nothex`)).map((t) => t.txid);
    expect(ignored).toEqual(page1);
  });

  it('gives the same history by scripthash (sha256 of the script, natural byte order)', async () => {
    const sh = bytesToHex(sha256(target.script));
    const bySh = (await getJson<{ txid: string }[]>(`/scripthash/${sh}/txs`)).map((t) => t.txid);
    const byAddr = (await getJson<{ txid: string }[]>(`/address/${target.address}/txs`)).map((t) => t.txid);
    expect(bySh).toEqual(byAddr);
    const stats = await getJson(`/scripthash/${sh}`);
    expect(Object.keys(stats)).toEqual(['scripthash', 'chain_stats', 'mempool_stats']);
    expect(stats.chain_stats).toEqual({
      funded_txo_count: 32,
      funded_txo_sum: 30 * 10_000 + 435 + 2 * 20_000,
      spent_txo_count: 0,
      spent_txo_sum: 0,
      tx_count: 32,
    });
    const utxo = await getJson<{ txid: string; vout: number; status: unknown; value: number }[]>(`/address/${target.address}/utxo`);
    expect(utxo).toHaveLength(32);
    expect(Object.keys(utxo[0]!)).toEqual(['txid', 'vout', 'status', 'value']);
  });
});

describe('when paging a block with more than 25 transactions', () => {
  it('serves 25 per page in block order and refuses misaligned or out-of-range starts', async () => {
    const txids = await getJson<string[]>(`/block/${burstBlock}/txids`);
    expect(txids).toHaveLength(31);
    const p0 = await getJson<{ txid: string }[]>(`/block/${burstBlock}/txs`);
    const p25 = await getJson<{ txid: string }[]>(`/block/${burstBlock}/txs/25`);
    expect([...p0, ...p25].map((t) => t.txid)).toEqual(txids);
    expect((await getJson<unknown[]>(`/block/${burstBlock}/txs/abc`)).length).toBe(25);
    expect(await get(`/block/${burstBlock}/txs/5`)).toMatchObject({ status: 400, text: 'start index must be a multiple of 25' });
    expect(await get(`/block/${burstBlock}/txs/50`)).toMatchObject({ status: 404, text: 'start index out of range' });
    expect((await get(`/block/${burstBlock}/txid/30`)).text).toBe(txids[30]);
    expect(await get(`/block/${burstBlock}/txid/31`)).toMatchObject({ status: 404, text: 'tx index out of range' });
  });
});

describe('when JSON answers are compared with the real mempool.space answers', () => {
  it('blocks have the golden field order and types, genesis with previousblockhash null', async () => {
    const genesis = await getJson('/block/0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206');
    expect(shapeProblems(genesis, blockSchema)).toEqual([]);
    expect(Object.keys(genesis)).toEqual(blockSchema.order);
    expect(genesis.previousblockhash).toBeNull();
    expect(genesis.bits).toBe(0x207fffff);
    expect(genesis.difficulty).toBeCloseTo(4.656542373906925e-10, 20);
    const list = await getJson<Record<string, unknown>[]>('/blocks');
    expect(list).toHaveLength(10);
    expect(list[0]!.id).toBe(await tipHash());
    for (const b of list) expect(shapeProblems(b, blockSchema)).toEqual([]);
    const low = await getJson<Record<string, unknown>[]>('/blocks/3');
    expect(low.map((b) => b.height)).toEqual([3, 2, 1, 0]);
  });

  it('every transaction of every block has the golden tx/vin/vout/status shape (no sigops)', async () => {
    const height = Number((await get('/blocks/tip/height')).text);
    let checked = 0;
    for (const h of [0, 1, 102, height - 1, height]) {
      const hash = (await get(`/block-height/${h}`)).text;
      for (const tx of await getJson<Record<string, unknown>[]>(`/block/${hash}/txs`)) {
        expect(shapeProblems(tx, txSchema)).toEqual([]);
        expect(tx).not.toHaveProperty('sigops');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('omits witness and address where there is none, and gives coinbases prevout null', async () => {
    const genesisCb = await getJson<{ vin: Record<string, unknown>[]; vout: Record<string, unknown>[]; fee: number }>(
      '/tx/4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b',
    );
    expect(genesisCb.vin[0]).not.toHaveProperty('witness');
    expect(genesisCb.vin[0]!.prevout).toBeNull();
    expect(genesisCb.vin[0]!.is_coinbase).toBe(true);
    expect(genesisCb.vin[0]!.vout).toBe(4294967295);
    expect(genesisCb.vout[0]).not.toHaveProperty('scriptpubkey_address');
    expect(genesisCb.vout[0]!.scriptpubkey_type).toBe('p2pk');
    expect(String(genesisCb.vout[0]!.scriptpubkey_asm)).toMatch(/^OP_PUSHBYTES_65 04678afd[0-9a-f]+ OP_CHECKSIG$/);
    const cb = await getJson<{ vin: Record<string, unknown>[]; vout: Record<string, unknown>[] }>(
      `/tx/${(await get(`/block/${burstBlock}/txid/0`)).text}`,
    );
    expect(cb.vin[0]!.witness).toEqual(['00'.repeat(32)]);
    const commitment = cb.vout.at(-1)!;
    expect(commitment.scriptpubkey_type).toBe('op_return');
    expect(commitment).not.toHaveProperty('scriptpubkey_address');
    expect(String(commitment.scriptpubkey_asm)).toMatch(/^OP_RETURN OP_PUSHBYTES_36 aa21a9ed[0-9a-f]{64}$/);
  });
});

describe('when raw and hex endpoints are read', () => {
  it('serves the exact bytes of transactions and blocks with the right content types', async () => {
    const txid = burst[3]!;
    const hex = await get(`/tx/${txid}/hex`);
    expect(hex.type).toBe('text/plain');
    const raw = await get(`/tx/${txid}/raw`);
    expect(raw.type).toBe('application/octet-stream');
    expect(bytesToHex(raw.bytes)).toBe(hex.text);
    const parsed = Transaction.fromRaw(raw.bytes, PERMISSIVE);
    expect(toDisplayHex(sha256d(parsed.toBytes(true, false)))).toBe(txid);
    const block = await get(`/block/${burstBlock}/raw`);
    expect(block.type).toBe('application/octet-stream');
    expect(toDisplayHex(sha256d(block.bytes.subarray(0, 80)))).toBe(burstBlock);
    expect((await get(`/block/${burstBlock}/header`)).text).toBe(bytesToHex(block.bytes.subarray(0, 80)));
    expect(bytesToHex(block.bytes)).toContain(hex.text);
  });
});

describe('when merkle proofs are checked against the header', () => {
  it('every /merkle-proof of a 31-tx block recomputes the header Merkle root', async () => {
    const header = hexToBytes((await get(`/block/${burstBlock}/header`)).text);
    const root = header.subarray(36, 68);
    const txids = await getJson<string[]>(`/block/${burstBlock}/txids`);
    for (const [i, txid] of txids.entries()) {
      const proof = await getJson<{ block_height: number; merkle: string[]; pos: number }>(`/tx/${txid}/merkle-proof`);
      expect(shapeProblems(proof, merkleProofSchema)).toEqual([]);
      expect(proof.pos).toBe(i);
      let h = reverse(hexToBytes(txid));
      let pos = proof.pos;
      for (const m of proof.merkle) {
        const s = reverse(hexToBytes(m));
        h = pos & 1 ? sha256d(concatBytes(s, h)) : sha256d(concatBytes(h, s));
        pos >>= 1;
      }
      expect(bytesToHex(h)).toBe(bytesToHex(root));
    }
  });

  it('/merkleblock-proof is a BIP37 partial tree whose root and single match check out', async () => {
    const txids = await getJson<string[]>(`/block/${burstBlock}/txids`);
    const pos = 17;
    const bytes = hexToBytes((await get(`/tx/${txids[pos]}/merkleblock-proof`)).text);
    const total = new DataView(bytes.buffer, bytes.byteOffset + 80, 4).getUint32(0, true);
    expect(total).toBe(31);
    let off = 84;
    const nHashes = bytes[off++]!;
    const hashes: Uint8Array[] = [];
    for (let i = 0; i < nHashes; i++, off += 32) hashes.push(bytes.subarray(off, off + 32));
    const nFlags = bytes[off++]!;
    const flags = bytes.subarray(off, off + nFlags);
    expect(off + nFlags).toBe(bytes.length);
    let bit = 0;
    let used = 0;
    const matches: number[] = [];
    const width = (h: number) => (total + (1 << h) - 1) >> h;
    const walk = (h: number, i: number): Uint8Array => {
      const flag = (flags[bit >> 3]! >> (bit & 7)) & 1;
      bit++;
      if (h === 0 || !flag) {
        const x = hashes[used++]!;
        if (h === 0 && flag) matches.push(i);
        return x;
      }
      const l = walk(h - 1, i * 2);
      const r = i * 2 + 1 < width(h - 1) ? walk(h - 1, i * 2 + 1) : l;
      return sha256d(concatBytes(l, r));
    };
    let height = 0;
    while (width(height) > 1) height++;
    const root = walk(height, 0);
    expect(bytesToHex(root)).toBe(bytesToHex(bytes.subarray(36, 68)));
    expect(matches).toEqual([pos]);
    expect(used).toBe(nHashes);
  });
});

describe('when spends are looked up', () => {
  it('reports spent outputs with the spender and unspent ones as spent:false', async () => {
    const tx = await getJson<{ vin: { txid: string; vout: number }[]; vout: unknown[] }>(`/tx/${later[1]}`);
    const prev = tx.vin[0]!;
    const spend = await getJson(`/tx/${prev.txid}/outspend/${prev.vout}`);
    expect(Object.keys(spend)).toEqual(['spent', 'txid', 'vin', 'status']);
    expect(spend).toMatchObject({ spent: true, txid: later[1], vin: 0, status: { confirmed: true } });
    expect(await getJson(`/tx/${later[1]}/outspend/0`)).toEqual({ spent: false });
    const all = await getJson<unknown[]>(`/tx/${later[1]}/outspends`);
    expect(all).toHaveLength(tx.vout.length);
    expect(await getJson(`/tx/${'00'.repeat(32)}/outspend/0`)).toEqual({ spent: false });
  });
});

describe('when requests are malformed or point at nothing', () => {
  const unknown = 'ab'.repeat(32);
  const cases: [string, number, string][] = [
    ['/tx/xyz', 400, 'Invalid hex string'],
    [`/tx/${unknown}`, 404, 'Transaction not found'],
    [`/tx/${unknown}/hex`, 404, 'Transaction not found'],
    [`/tx/${unknown}/outspends`, 404, 'Transaction not found'],
    [`/tx/${unknown}/merkle-proof`, 404, 'Transaction not found or is unconfirmed'],
    [`/tx/${unknown}/merkleblock-proof`, 404, 'Transaction not found or is unconfirmed'],
    [`/tx/${unknown}/outspend/x`, 400, 'Invalid number'],
    [`/block/${unknown}`, 404, 'Block not found'],
    [`/block/${unknown}/header`, 404, 'Block not found'],
    [`/block/${unknown}/raw`, 404, 'Block not found'],
    ['/block/12', 400, 'Invalid hex string'],
    ['/block-height/x', 400, 'Invalid number'],
    ['/block-height/-1', 400, 'Invalid number'],
    ['/block-height/99999', 404, 'Block not found'],
    ['/blocks/99999', 404, 'Block not found'],
    ['/address/bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 400, 'Address on invalid network'],
    ['/address/notanaddress', 400, 'Invalid Bitcoin address'],
    ['/scripthash/zz', 400, 'Invalid hex string'],
    ['/scripthash/abcd/txs', 400, 'Invalid scripthash'],
    ['/nope', 404, 'endpoint does not exist "/nope"'],
    ['/blocks/tip/height/', 404, 'endpoint does not exist "/blocks/tip/height/"'],
  ];
  it.each(cases)('GET %s → %i %s (text/plain, CORS)', async (path, status, text) => {
    const r = await get(path);
    expect({ status: r.status, text: r.text, type: r.type, cors: r.cors }).toEqual({ status, text, type: 'text/plain', cors: '*' });
  });

  it('answers unknown tx and block statuses with 200 and the unconfirmed/stale shapes', async () => {
    expect(await getJson(`/tx/${unknown}/status`)).toEqual({ confirmed: false });
    expect(await getJson(`/block/${unknown}/status`)).toEqual({ in_best_chain: false, height: null, next_best: null });
    const genesisStatus = await getJson('/block/0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206/status');
    expect(genesisStatus).toEqual({ in_best_chain: true, height: 0, next_best: (await get('/block-height/1')).text });
    expect((await getJson(`/block/${await tipHash()}/status`)).next_best).toBeNull();
  });

  it('answers OPTIONS (a CORS preflight) with 404 like electrs, still with CORS', async () => {
    const r = await get('/blocks/tip/height', { method: 'OPTIONS' });
    expect({ status: r.status, cors: r.cors, text: r.text }).toEqual({
      status: 404, cors: '*', text: 'endpoint does not exist "/blocks/tip/height"',
    });
  });

  it('refuses a bad POST /tx with a bitcoind message and an oversized body with 413', async () => {
    const bad = await get('/tx', { method: 'POST', body: 'zz' });
    expect(bad).toMatchObject({ status: 400, text: 'sendrawtransaction RPC error: {"code":-22,"message":"TX decode failed"}', cors: '*' });
    const spent = await get(`/tx/${burst[0]}/hex`);
    const again = await get('/tx', { method: 'POST', body: spent.text });
    expect(again).toMatchObject({ status: 400, text: 'sendrawtransaction RPC error: {"code":-27,"message":"Transaction outputs already in utxo set"}' });
    const big = await get('/tx', { method: 'POST', body: 'a'.repeat(1_000_001) });
    expect(big).toMatchObject({ status: 413, text: 'Request body too large', cors: '*' });
  });

  it('refuses mining requests without a valid address or block count', async () => {
    const post = (body: string) => get('/devnet/mine', { method: 'POST', body });
    expect((await post('{"blocks":0,"address":"x"}')).status).toBe(400);
    expect((await post(`{"blocks":1,"address":"notanaddress"}`)).text).toBe('Invalid Bitcoin address');
    expect((await post('not json')).status).toBe(400);
  });
});

describe('when plain endpoints are read', () => {
  it('serves tip height/hash as text with short cache and confirmed blocks with the 5-year cache', async () => {
    const height = await get('/blocks/tip/height');
    expect({ type: height.type, cors: height.cors, cache: height.cache }).toEqual({
      type: 'text/plain', cors: '*', cache: 'public, max-age=10',
    });
    expect((await get(`/block-height/${height.text}`)).text).toBe(await tipHash());
    expect((await get('/block-height/0')).cache).toBe('public, max-age=157784630');
    const block = await get(`/block/${await tipHash()}`);
    expect(block.cache).toBe('public, max-age=157784630');
    expect(await getJson('/fee-estimates')).toEqual({});
  });

  it('serves /devnet/info with the tip and merges extra fields', async () => {
    const info = await getJson('/devnet/info');
    expect(info).toEqual({
      network: 'regtest',
      tip: { height: Number((await get('/blocks/tip/height')).text), hash: await tipHash() },
      genesis: null,
      relays: [devnet.relayUrl],
    });
    expect(devnet.relayUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    devnet.setInfo({ relays: ['ws://127.0.0.1:1'] });
    expect((await getJson('/devnet/info')).relays).toEqual(['ws://127.0.0.1:1']);
  });
});
