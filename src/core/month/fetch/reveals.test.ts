import { describe, expect, it, vi } from 'vitest';
import { merkleProofFromTxids, rootFromMerkleProof, type MerkleProof } from '../../chain/merkle';
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import type { BlockSource, RevealSource } from '../records';
import { recorded } from '../steps/recorded.test-util';
import type { MarkerListing } from './listings';
import type { MonthClient } from './month-client';
import { branchesFromBlocks, branchLeadsTo, fetchReveal, refreshedProofs } from './reveals';

const id = (n: number) => n.toString(16).padStart(64, '0');
const listing = (at: Record<string, [number, string]>): MarkerListing => ({ month: 1, txids: Object.keys(at), confirmed: new Map(Object.entries(at).map(([t, [height, hash]]) => [t, { height, hash }])) });

describe('Merkle branches built from the blocks\' txid lists', () => {
  it('one request per block holding any wanted txid; each branch at its position; unlisted and absent txids get none', async () => {
    const b1 = [id(1), id(2), id(3)];
    const b2 = [id(4), id(5)];
    const fetchBlockTxids = vi.fn(async (hash: string) => (hash === 'h1' ? b1 : b2));
    const client = { fetchBlockTxids } as unknown as MonthClient;
    const listings = [listing({ [id(2)]: [10, 'h1'], [id(3)]: [10, 'h1'], [id(9)]: [10, 'h1'] }), listing({ [id(5)]: [11, 'h2'] })];
    const r = await branchesFromBlocks(client, [id(2), id(3), id(5), id(9), id(7)], listings);
    expect(fetchBlockTxids.mock.calls.map((c) => c[0]).sort()).toEqual(['h1', 'h2']);
    expect(r.get(id(2))).toEqual({ block_height: 10, merkle: merkleProofFromTxids(b1, 1), pos: 1 });
    expect(r.get(id(3))).toEqual({ block_height: 10, merkle: merkleProofFromTxids(b1, 2), pos: 2 });
    expect(r.get(id(5))).toEqual({ block_height: 11, merkle: merkleProofFromTxids(b2, 1), pos: 1 });
    expect([...r.keys()].sort()).toEqual([id(2), id(3), id(5)]);
  });

  it('a block whose list cannot be fetched gives no branch; an end of the run is thrown', async () => {
    const failing = (e: Error) => ({ fetchBlockTxids: async (hash: string) => { if (hash === 'h1') throw e; return [id(4)]; } }) as unknown as MonthClient;
    const listings = [listing({ [id(1)]: [10, 'h1'], [id(4)]: [11, 'h2'] })];
    expect([...(await branchesFromBlocks(failing(new VerifyError('FETCH_NOT_FOUND', 'x')), [id(1), id(4)], listings)).keys()]).toEqual([id(4)]);
    await expect(branchesFromBlocks(failing(new VerifyError('FETCH_ABORTED', 'stop')), [id(1)], listings)).rejects.toThrow('stop');
  });
});

describe('whether a branch leads to a Merkle root', () => {
  const txids = [id(1), id(2), id(3), id(4)];
  const root = rootFromMerkleProof(id(3), merkleProofFromTxids(txids, 2), 2);
  it('is true for the branch at its position, false for another position or a malformed branch', () => {
    expect(branchLeadsTo(id(3), { block_height: 1, merkle: merkleProofFromTxids(txids, 2), pos: 2 }, root)).toBe(true);
    expect(branchLeadsTo(id(3), { block_height: 1, merkle: merkleProofFromTxids(txids, 2), pos: 1 }, root)).toBe(false);
    expect(branchLeadsTo(id(3), { block_height: 1, merkle: merkleProofFromTxids(txids, 2), pos: 9 }, root)).toBe(false);
    expect(branchLeadsTo(id(3), { block_height: 1, merkle: ['zz'], pos: 0 }, root)).toBe(false);
  });
});

/** A recorded reveal with an envelope input, and a client serving the recorded transactions and proofs. */
function recordedReveal() {
  const { sources } = recorded('full');
  const [txid, reveal] = Object.entries(sources.reveals).find(([, r]) => Object.keys(r.spent).length > 0)!;
  const txs = new Map<string, ParsedTx>();
  for (const r of Object.values(sources.reveals)) { txs.set(r.tx.txid, r.tx); for (const s of Object.values(r.spent)) txs.set(s.txid, s); }
  const fetchTx = vi.fn(async (t: string, _opts?: { check?: (tx: ParsedTx) => Promise<void> }) => { const tx = txs.get(t); if (!tx) throw new VerifyError('FETCH_NOT_FOUND', `no ${t}`); return tx; });
  const fetchMerkleProof = vi.fn(async (_t: string, _opts?: unknown) => reveal.proof);
  const client = { fetchTx, fetchMerkleProof } as unknown as MonthClient;
  return { txid, reveal, client, fetchTx, fetchMerkleProof };
}

describe('one reveal fetched', () => {
  it('is its transaction (asked for with the binding check), its proof and the transactions its envelope inputs spend', async () => {
    const { txid, reveal, client, fetchTx, fetchMerkleProof } = recordedReveal();
    const r = await fetchReveal(client, txid, 2, undefined);
    expect(r).toEqual({ tx: reveal.tx, proof: reveal.proof, spent: reveal.spent, found: 2 });
    expect(fetchTx.mock.calls[0]?.[0]).toBe(txid);
    expect(typeof fetchTx.mock.calls[0]?.[1]?.check).toBe('function');
    expect(fetchMerkleProof).toHaveBeenCalledWith(txid);
    expect(fetchTx.mock.calls.slice(1).map((c) => c[0]).sort()).toEqual(Object.keys(reveal.spent).sort());
  });

  it('with a prepared branch, no proof is asked for', async () => {
    const { txid, client, fetchMerkleProof } = recordedReveal();
    const branch = { block_height: 5, merkle: [], pos: 0 };
    const r = await fetchReveal(client, txid, 'ref', branch);
    expect(r).toMatchObject({ proof: branch, found: 'ref' });
    expect(fetchMerkleProof).not.toHaveBeenCalled();
  });

  it('that cannot be obtained is its failure; an end of the run is thrown', async () => {
    const { client } = recordedReveal();
    expect(await fetchReveal(client, id(7), 1, undefined)).toEqual({ txid: id(7), code: 'FETCH_NOT_FOUND', message: `no ${id(7)}` });
    const stopping = { fetchTx: async () => { throw new VerifyError('FETCH_DEADLINE', 'late'); } } as unknown as MonthClient;
    await expect(fetchReveal(stopping, id(7), 1, undefined)).rejects.toThrow('late');
  });
});

describe('a reveal whose branch does not lead to its block\'s header', () => {
  const txids = [id(1), id(2), id(3), id(4)];
  const good: MerkleProof = { block_height: 10, merkle: merkleProofFromTxids(txids, 1), pos: 1 };
  const bad: MerkleProof = { ...good, pos: 3 };
  const header = { merkleRoot: rootFromMerkleProof(id(2), good.merkle, 1) };
  const blockAt = async (h: number) => ({ height: h, hash: 'h', header, hosts: {} }) as unknown as BlockSource;
  const source = (proof: MerkleProof) => ({ tx: {} as ParsedTx, proof, spent: {}, found: 1 }) as RevealSource;
  function client(answer: () => Promise<MerkleProof>, sources: Map<unknown, string>) {
    const blamed: [string, { code: string; evidence: unknown }][] = [];
    const fetchMerkleProof = vi.fn(async (_t: string, _o?: unknown) => answer());
    return { blamed, fetchMerkleProof, c: { fetchMerkleProof, sourceOf: (x: unknown) => sources.get(x), blame: (h: string, b: { code: string; evidence: unknown }) => { blamed.push([h, b]); } } as unknown as MonthClient };
  }

  it('is asked for again, fresh and checked; the host of the failing branch is named when another host answers', async () => {
    const fresh = { ...good };
    const { c, blamed, fetchMerkleProof } = client(async () => fresh, new Map<unknown, string>([[bad, 'A'], [fresh, 'B']]));
    const r = await refreshedProofs(c, { [id(2)]: source(bad), [id(1)]: source({ ...good, merkle: merkleProofFromTxids(txids, 0), pos: 0 }) }, blockAt, new Set());
    expect(Object.keys(r)).toEqual([id(2)]);
    expect(r[id(2)]?.proof).toBe(fresh);
    expect(fetchMerkleProof.mock.calls[0]?.[0]).toBe(id(2));
    expect(fetchMerkleProof.mock.calls[0]?.[1]).toMatchObject({ fresh: true, check: expect.any(Function) });
    expect(blamed.map(([h, b]) => [h, b.code, b.evidence])).toEqual([['A', 'CHAIN_MERKLE_ROOT_MISMATCH', { txid: id(2), pos: 3, height: 10, contradictedBy: 'B' }]]);
  });

  it('nobody is named when the same host answers again or the first answer\'s host is unknown', async () => {
    const fresh = { ...good };
    const same = client(async () => fresh, new Map<unknown, string>([[bad, 'A'], [fresh, 'A']]));
    expect(Object.keys(await refreshedProofs(same.c, { [id(2)]: source(bad) }, blockAt, new Set()))).toEqual([id(2)]);
    expect(same.blamed).toEqual([]);
    const unknown = client(async () => fresh, new Map<unknown, string>([[fresh, 'B']]));
    await refreshedProofs(unknown.c, { [id(2)]: source(bad) }, blockAt, new Set());
    expect(unknown.blamed).toEqual([]);
    const unnamed = client(async () => fresh, new Map<unknown, string>([[bad, 'A']]));
    await refreshedProofs(unnamed.c, { [id(2)]: source(bad) }, blockAt, new Set());
    expect(unnamed.blamed.map(([, b]) => b.evidence)).toEqual([{ txid: id(2), pos: 3, height: 10 }]);
  });

  it('is left as it is when reused, when its block has no header, or when no host has a better branch', async () => {
    const { c, fetchMerkleProof } = client(async () => { throw new VerifyError('FETCH_NOT_FOUND', 'x'); }, new Map());
    expect(await refreshedProofs(c, { [id(2)]: source(bad) }, blockAt, new Set([id(2)]))).toEqual({});
    expect(fetchMerkleProof).not.toHaveBeenCalled();
    expect(await refreshedProofs(c, { [id(2)]: source(bad) }, async (h) => ({ height: h, hash: '', hosts: {} }), new Set())).toEqual({});
    expect(fetchMerkleProof).not.toHaveBeenCalled();
    expect(await refreshedProofs(c, { [id(2)]: source(bad) }, blockAt, new Set())).toEqual({});
    expect(fetchMerkleProof).toHaveBeenCalledTimes(1);
    const stopping = client(async () => { throw new VerifyError('FETCH_ABORTED', 'stop'); }, new Map());
    await expect(refreshedProofs(stopping.c, { [id(2)]: source(bad) }, blockAt, new Set())).rejects.toThrow('stop');
  });
});
