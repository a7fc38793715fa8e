import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MerkleProof } from '../../chain/merkle';
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import type { AddressTx } from '../../esplora/shapes';
import type { Listing } from '../../esplora/listing';
import type { BlockSource } from '../records';
import { bindingCheck, blameOmissions, dropInvented, merkleCheck, settleContested } from './host-checks';
import type { MarkerListing } from './listings';
import type { MonthClient } from './month-client';

const binding = vi.hoisted(() => ({ verify: vi.fn(), merkle: vi.fn(), versions: new Map<string, unknown>() }));
vi.mock('../../chain/taproot', () => ({ verifyRevealBinding: binding.verify }));
vi.mock('../../chain/merkle', () => ({ verifyMerkleProof: binding.merkle }));
vi.mock('../../esplora/listing', async (original) => ({
  ...(await original<typeof import('../../esplora/listing')>()),
  listedVersion: (_l: Listing, host: string, txid: string) => binding.versions.get(`${host}:${txid}`),
}));
beforeEach(() => { binding.verify.mockReset(); binding.merkle.mockReset(); binding.versions.clear(); });

const bytes = (n: number, first = 0xc0) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? first : 1));
const P2TR = Uint8Array.from([0x51, 0x20, ...new Uint8Array(32)]);
/** A transaction whose inputs have these witnesses, each spending output 0 of `sp<i>`. */
const txWith = (...witnesses: Uint8Array[][]) => ({ txid: 'tx', inputs: witnesses.map((witness, i) => ({ txid: `sp${i}`, vout: 0, witness })), outputs: [] }) as unknown as ParsedTx;
const spending = (script: Uint8Array) => ({ fetchTx: vi.fn(async (txid: string) => ({ txid, outputs: [{ script, amount: 1n }] }) as unknown as ParsedTx) });

describe('the BIP341 binding of a reveal\'s inputs', () => {
  it('is checked for each script-path input that spends a P2TR output (a control block of 33 + 32k bytes last)', async () => {
    const client = spending(P2TR);
    const tx = txWith([bytes(10), bytes(33)], [bytes(10), bytes(65)], [bytes(10), bytes(97, 0xc1)]);
    await bindingCheck(client)(tx);
    expect(client.fetchTx.mock.calls.map((c) => c[0])).toEqual(['sp0', 'sp1', 'sp2']);
    expect(binding.verify.mock.calls.map((c) => c[1])).toEqual([0, 1, 2]);
    expect(binding.verify.mock.calls[0]?.[0]).toBe(tx);
    expect(binding.verify.mock.calls[0]?.[2]).toMatchObject({ txid: 'sp0' });
  });

  it('skips key-path spends, one-item stacks, control blocks of another length, and annex-tagged last items', async () => {
    const client = spending(P2TR);
    await bindingCheck(client)(txWith([], [bytes(33)], [bytes(10), bytes(34)], [bytes(10), bytes(32)], [bytes(10), bytes(64)], [bytes(10), bytes(33, 0x50)], [bytes(10), bytes(33, 0x51)]));
    expect(client.fetchTx).not.toHaveBeenCalled();
  });

  it('takes the control block as the last item of a longer stack', async () => {
    const client = spending(P2TR);
    await bindingCheck(client)(txWith([bytes(10), bytes(33), bytes(20)], [bytes(10), bytes(20), bytes(33)]));
    expect(client.fetchTx.mock.calls.map((c) => c[0])).toEqual(['sp1']);
  });

  it('sets an annex aside: the control block is then the item before it', async () => {
    const client = spending(P2TR);
    await bindingCheck(client)(txWith([bytes(10), bytes(33), bytes(5, 0x50)], [bytes(33), bytes(5, 0x50)], [bytes(5, 0x50)]));
    expect(client.fetchTx.mock.calls.map((c) => c[0])).toEqual(['sp0']);
  });

  it('does not bind an input whose spent output is not P2TR', async () => {
    for (const script of [Uint8Array.from([0x51, 0x20, 1]), Uint8Array.from([0x00, 0x20, ...new Uint8Array(32)]), Uint8Array.from([0x51, 0x14, ...new Uint8Array(32)])]) {
      const client = spending(script);
      await bindingCheck(client)(txWith([bytes(10), bytes(33)]));
      expect(client.fetchTx).toHaveBeenCalledTimes(1);
    }
    expect(binding.verify).not.toHaveBeenCalled();
    const missing = { fetchTx: vi.fn(async (txid: string) => ({ txid, outputs: [] }) as unknown as ParsedTx) };
    await bindingCheck(missing)(txWith([bytes(10), bytes(33)]));
    expect(binding.verify).not.toHaveBeenCalled();
  });
});

describe('a Merkle branch checked against the block settled at its height', () => {
  const proof = { block_height: 7, merkle: [], pos: 0 } as MerkleProof;
  it('is verified against that block\'s header', async () => {
    const header = { merkleRoot: 'r' };
    const blockAt = vi.fn(async (h: number) => ({ height: h, hash: 'h', header, hosts: {} }) as unknown as BlockSource);
    await merkleCheck('t1', blockAt)(proof);
    expect(blockAt).toHaveBeenCalledWith(7);
    expect(binding.merkle).toHaveBeenCalledWith('t1', proof, header);
  });
  it('fails with the block\'s error, or FETCH_NOT_FOUND, when that block has no header', async () => {
    const failedBlock = async (h: number): Promise<BlockSource> => ({ height: h, hash: '', hosts: {}, error: { code: 'FETCH_ALL_HOSTS_FAILED', message: 'x' } });
    await expect(merkleCheck('t1', failedBlock)(proof)).rejects.toMatchObject({ code: 'FETCH_ALL_HOSTS_FAILED', evidence: { txid: 't1', height: 7 } });
    await expect(merkleCheck('t1', async (h) => ({ height: h, hash: '', hosts: {} }))(proof)).rejects.toMatchObject({ code: 'FETCH_NOT_FOUND', evidence: { txid: 't1', height: 7 } });
    expect(binding.merkle).not.toHaveBeenCalled();
  });
});

/** A client over hosts A, B, C recording whom it blames. */
function blaming(live = ['A', 'B', 'C']) {
  const blamed: [string, { code: string; evidence?: Record<string, unknown> }][] = [];
  const client = { liveHosts: () => live, blame: (h: string, b: { code: string }) => { blamed.push([h, b]); } } as unknown as MonthClient;
  return { client, blamed };
}
const listingOf = (month: number, txids: string[], listedBy: Record<string, string[]>, byHost: Record<string, AddressTx[]> = {}): MarkerListing => ({
  month, txids, confirmed: new Map(),
  hosts: { txs: [], listedBy: new Map(Object.entries(listedBy)), byHost: new Map(Object.entries(byHost)), failures: new Map(), contested: [] } as unknown as Listing,
});

describe('a listed transaction no host has', () => {
  const notFound = (txid: string) => ({ txid, code: 'FETCH_NOT_FOUND' as const, message: 'none' });

  it('listed by some live hosts only: they invented it, are named, and the entry leaves the listings and failures', () => {
    const { client, blamed } = blaming();
    const listings = [listingOf(1, ['t1', 't2'], { t1: ['A', 'B'], t2: ['A', 'B', 'C'] }), listingOf(2, ['t1', 't3'], { t1: ['B'] }), { month: 0, txids: ['t1'], confirmed: new Map() }];
    const other = { txid: 't9', code: 'FETCH_TIMEOUT' as const, message: 'slow' };
    const r = dropInvented(client, listings, { byId: new Map(), failures: [notFound('t1'), other] });
    expect(blamed.map(([h, b]) => [h, b.code, b.evidence])).toEqual([['A', 'CHAIN_LISTING_UNKNOWN_TX', { txid: 't1' }], ['B', 'CHAIN_LISTING_UNKNOWN_TX', { txid: 't1' }]]);
    expect(r.listings.map((l) => l.txids)).toEqual([['t2'], ['t3'], []]);
    expect(r.txs.failures).toEqual([other]);
  });

  it('listed by every live host, by none, or failing otherwise than not found: nobody is named and nothing is dropped', () => {
    const { client, blamed } = blaming(['A', 'B']);
    const listings = [listingOf(1, ['t1', 't2', 't3'], { t1: ['A', 'B', 'C'], t3: ['A'] })];
    const txs = { byId: new Map(), failures: [notFound('t1'), notFound('t2'), { txid: 't3', code: 'FETCH_TIMEOUT' as const, message: 'slow' }] };
    const r = dropInvented(client, listings, txs);
    expect(blamed).toEqual([]);
    expect(r.txs).toBe(txs);
    expect(r.listings).toEqual(listings);
    expect(r.listings).not.toBe(listings);
  });
});

describe('a host that hides a proven entry of a listing', () => {
  const at = (txid: string, height: number) => ({ txid, status: { confirmed: true, block_height: height } }) as AddressTx;
  it('is named with the entry, its height, how far it lists and the month; entries the listing does not hold are not asked', () => {
    const { client, blamed } = blaming();
    const l = listingOf(3, ['t1', 't2'], { t1: ['A'], t2: ['A', 'B'] }, { A: [at('t1', 10), at('t2', 12)], B: [at('t2', 12)] });
    blameOmissions(client, [l, { month: 4, txids: [], confirmed: new Map() }], new Map([['t1', 10], ['t5', 11]]));
    expect(blamed.map(([h, b]) => [h, b.code, b.evidence])).toEqual([['B', 'CHAIN_LISTING_OMITS', { host: 'B', txid: 't1', height: 10, listsUpTo: 12, month: 3 }]]);
  });
});

describe('a listed transaction whose witness the hosts list differently', () => {
  const version = (w: number) => ({ txid: 't1', inputs: [{ txid: 'sp', vout: 0, witness: [bytes(w), bytes(33)] }], outputs: [] }) as unknown as ParsedTx;
  function contested(fetchTx: (txid: string, opts?: unknown) => Promise<ParsedTx>) {
    const { client, blamed } = blaming();
    const hosts = { txs: [], listedBy: new Map([['t1', ['A', 'B', 'C']]]), byHost: new Map([['A', []], ['B', []], ['C', []]]), failures: new Map(), contested: ['t1'] } as unknown as Listing;
    const good = version(10);
    const bad = version(11);
    binding.versions.set('A:t1', bad).set('B:t1', good);
    binding.verify.mockImplementation((tx: ParsedTx) => { if (tx === bad) throw new VerifyError('CHAIN_TAPROOT_KEY_MISMATCH', 'does not bind'); });
    const fetching = vi.fn(fetchTx);
    Object.assign(client, { fetchTx: fetching });
    return { client, blamed, listings: [{ month: 1, txids: ['t1'], confirmed: new Map(), hosts }, { month: 2, txids: [], confirmed: new Map() }], good, bad, fetching };
  }

  it('the hosts whose version does not bind are named; the binding version is asked for with the check and replaces the copy read', async () => {
    const spent = { txid: 'sp', outputs: [{ script: P2TR, amount: 1n }] } as unknown as ParsedTx;
    const fresh = version(12);
    const c = contested(async (txid, opts) => (txid === 'sp' ? spent : opts ? fresh : spent));
    const r = await settleContested(c.client, c.listings, { byId: new Map([['t1', c.bad], ['t0', version(1)]]), failures: [] });
    expect(c.blamed.map(([h, b]) => [h, b.code, b.evidence])).toEqual([['A', 'CHAIN_TAPROOT_KEY_MISMATCH', { txid: 't1', contradictedBy: 'B' }]]);
    expect(r.byId.get('t1')).toBe(fresh);
    expect(r.byId.get('t0')?.inputs[0]?.witness[0]?.length).toBe(1);
    expect(c.fetching.mock.calls.some(([t, o]) => t === 't1' && typeof (o as { check?: unknown })?.check === 'function')).toBe(true);
  });

  it('when asking again fails, the binding version read from the listing is kept', async () => {
    const spent = { txid: 'sp', outputs: [{ script: P2TR, amount: 1n }] } as unknown as ParsedTx;
    const c = contested(async (txid) => { if (txid === 'sp') return spent; throw new VerifyError('FETCH_NOT_FOUND', 'gone'); });
    const r = await settleContested(c.client, c.listings, { byId: new Map([['t1', c.bad]]), failures: [] });
    expect(r.byId.get('t1')).toBe(c.good);
  });

  it('when no version binds, nobody is named and nothing changes', async () => {
    const c = contested(async () => { throw new VerifyError('FETCH_NOT_FOUND', 'gone'); });
    const byId = new Map([['t1', c.bad]]);
    const r = await settleContested(c.client, c.listings, { byId, failures: [] });
    expect(c.blamed).toEqual([]);
    expect(r.byId.get('t1')).toBe(c.bad);
  });
});
