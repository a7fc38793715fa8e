import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import type { AddressTx } from '../../esplora/shapes';
import { parseInscriptionId } from '../../protocol/ids';
import { markerAddress } from '../../protocol/marker';
import type { BlockSource, MonthSources } from '../records';
import { recorded } from '../steps/recorded.test-util';
import type { MonthClient } from './month-client';
import { looseMessages, looseParams } from './loose';
import { fetchMonthSources } from './month-sources';

/** Blocks and stakes come as recorded (their own fetching has its tests); everything else is fetched through the client. */
const served = vi.hoisted(() => ({ sources: undefined as MonthSources | undefined, blocksAsked: [] as number[], stakesAsked: [] as string[][] }));
vi.mock('./blocks', () => ({
  fetchBlock: async (_c: unknown, h: number): Promise<BlockSource> => {
    served.blocksAsked.push(h);
    return served.sources!.blocks[h] ?? { height: h, hash: '', hosts: {}, error: { code: 'FETCH_NOT_FOUND', message: 'not recorded' } };
  },
}));
vi.mock('./stakes', async (original) => ({
  ...(await original<typeof import('./stakes')>()),
  fetchStakes: async (_c: unknown, outpoints: ReadonlyMap<string, unknown>) => {
    served.stakesAsked.push([...outpoints.keys()]);
    return Object.fromEntries([...outpoints.keys()].map((k) => [k, served.sources!.stakes[k]]));
  },
}));
beforeEach(() => { served.blocksAsked = []; served.stakesAsked = []; });

/** A one-host client serving the recorded month: its listings, transactions, proofs and tip. */
function hostOf(sources: MonthSources, opts: { tip?: number; hide?: string; noProof?: string } = {}) {
  served.sources = sources;
  const txs = new Map<string, ParsedTx>();
  for (const r of Object.values(sources.reveals)) { txs.set(r.tx.txid, r.tx); for (const s of Object.values(r.spent)) txs.set(s.txid, s); }
  for (const o of Object.values(sources.objects ?? {})) txs.set(o.tx.txid, o.tx);
  const genesis = parseInscriptionId(sources.genesisId);
  const byAddress = new Map(Object.entries(sources.listed).map(([m, ids]) => [markerAddress(sources.network, genesis, Number(m)), ids]));
  const status = (txid: string): AddressTx['status'] => {
    const h = sources.reveals[txid]?.proof.block_height;
    return h === undefined ? { confirmed: false } : { confirmed: true, block_height: h, block_hash: sources.blocks[h]?.hash ?? '', block_time: 0 };
  };
  const blamed: string[] = [];
  const txidLists: string[] = [];
  const client = {
    hosts: ['A'], liveHosts: () => ['A'], blame: (h: string, b: { code: string }) => { blamed.push(`${h}:${b.code}`); }, sourceOf: () => 'A',
    fetchTipHeight: async () => opts.tip ?? sources.tipHeight,
    fetchAddressTxs: async (address: string) => (byAddress.get(address) ?? []).map((txid) => ({ txid, status: status(txid) })),
    fetchTx: async (txid: string, o: { check?: (tx: ParsedTx) => Promise<void> } = {}) => {
      const tx = txid === opts.hide ? undefined : txs.get(txid);
      if (!tx) throw new VerifyError('FETCH_NOT_FOUND', `no ${txid}`);
      await o.check?.(tx);
      return tx;
    },
    fetchBlockTxids: async (hash: string) => { txidLists.push(hash); throw new VerifyError('FETCH_NOT_FOUND', 'no txid lists here'); },
    fetchMerkleProof: async (txid: string) => { const r = txid === opts.noProof ? undefined : sources.reveals[txid]; if (!r) throw new VerifyError('FETCH_NOT_FOUND', `no proof of ${txid}`); return r.proof; },
  } as unknown as MonthClient;
  /** Listed transactions the recording did not keep (no drey/1 reveal to bind): this host cannot serve them either. */
  const unkept = [...new Set(Object.values(sources.listed).flat())].filter((t) => !txs.has(t)).map((txid) => ({ txid, code: 'FETCH_NOT_FOUND', message: `no ${txid}` }));
  return { client, blamed, unkept, txidLists };
}
const sorted = (listed: Record<number, string[]>) => Object.fromEntries(Object.entries(listed).map(([m, t]) => [m, [...t].sort()]));
/** The month's anchor height, from the recorded genesis. */
function anchorOf(sources: MonthSources, month: number): number {
  const g = looseMessages(sources.reveals[sources.genesisId.slice(0, 64)]!.tx).find((m) => m.id === sources.genesisId)!;
  const p = looseParams(g.payload)!;
  return p.startHeight + (month - 1) * p.blocksPerMonth;
}

describe('a month fetched from one honest host', () => {
  it('at full depth: the same sources as recorded — listings, reveals with their proofs and spent transactions, blocks, stakes', async () => {
    const { sources } = recorded('full');
    const { client, blamed, unkept, txidLists } = hostOf(sources);
    const got = await fetchMonthSources(client, { network: 'regtest', genesisId: sources.genesisId, month: sources.month, depth: 'full' });
    const listed = new Set(Object.values(sources.listed).flat());
    const revealBlocks = new Set(Object.entries(sources.reveals).filter(([t]) => listed.has(t)).map(([, r]) => sources.blocks[r.proof.block_height]?.hash));
    expect(new Set(txidLists)).toEqual(revealBlocks);
    expect(sorted(got.listed)).toEqual(sorted(sources.listed));
    expect(Object.keys(got.reveals).sort()).toEqual(Object.keys(sources.reveals).sort());
    for (const [txid, r] of Object.entries(sources.reveals)) expect(got.reveals[txid], txid).toEqual(r);
    expect(got.blocks).toEqual(sources.blocks);
    expect(got.stakes).toEqual(sources.stakes);
    expect(served.stakesAsked).toEqual([Object.keys(sources.stakes)]);
    expect(got).toMatchObject({ network: 'regtest', genesisId: sources.genesisId, month: sources.month, tipHeight: sources.tipHeight, previousMonth: sources.previousMonth ?? sources.month - 1, requests: 0 });
    expect(got.failures).toEqual(expect.arrayContaining([...sources.failures, ...unkept]));
    expect(got.failures.length).toBe(sources.failures.length + unkept.length);
    expect(blamed).toEqual([]);
  });

  it('at quick depth: the depositor\'s recording, without stakes or month 0\'s marker', async () => {
    const { sources } = recorded('quick');
    const { client } = hostOf(sources);
    const got = await fetchMonthSources(client, { network: 'regtest', genesisId: sources.genesisId, month: sources.month, depth: 'quick' });
    expect(sorted(got.listed)).toEqual(sorted(sources.listed));
    expect(Object.keys(got.reveals).sort()).toEqual(Object.keys(sources.reveals).sort());
    // The files signed messages name by SHA-256 are taken by hash, unbound (full depth binds them).
    const taken = Object.keys(got.objects ?? {});
    expect(taken.sort()).toEqual(Object.keys(sources.objects ?? {}).sort());
    expect(taken.length).toBeGreaterThan(0);
    for (const txid of taken) expect(recorded('full').sources.reveals[txid], txid).toBeDefined();
    expect(taken).not.toContain(sources.genesisId.slice(0, 64));
    for (const txid of taken) expect(got.reveals[txid]).toBeUndefined();
    expect(got.stakes).toEqual({});
    expect(served.stakesAsked).toEqual([]);
  });

  it('reuses an earlier fetch\'s reveals and blocks, and fetches a checkpoint block once', async () => {
    const { sources } = recorded('full');
    const { client, txidLists } = hostOf(sources);
    const heights = Object.keys(sources.blocks).map(Number);
    const [reusedHeight] = heights;
    const reusedBlock = { ...sources.blocks[reusedHeight!]!, hosts: { reused: 'yes' } };
    const [reusedTxid] = Object.keys(sources.reveals);
    const reusedReveal = { ...sources.reveals[reusedTxid!]!, found: 99 as const };
    const got = await fetchMonthSources(client, {
      network: 'regtest', genesisId: sources.genesisId, month: sources.month, depth: 'full', checkpointHeight: 3,
      reuse: { reveals: { [reusedTxid!]: reusedReveal }, blocks: { [reusedHeight!]: reusedBlock }, stakes: {} },
    });
    expect(got.blocks[reusedHeight!]).toBe(reusedBlock);
    expect(served.blocksAsked).not.toContain(reusedHeight);
    expect(got.reveals[reusedTxid!]?.found).toBe(sources.reveals[reusedTxid!]!.found);
    expect(got.reveals[reusedTxid!]?.tx).toBe(reusedReveal.tx);
    expect(got.blocks[3]?.height).toBe(3);
    expect(served.blocksAsked.filter((h) => h === 3)).toEqual([3]);
    expect(new Set(served.blocksAsked).size).toBe(served.blocksAsked.length);
    const reusedAt = sources.blocks[reusedReveal.proof.block_height]!.hash;
    const othersThere = Object.entries(sources.reveals).filter(([t, r]) => t !== reusedTxid && sources.blocks[r.proof.block_height]?.hash === reusedAt).length;
    expect(txidLists.includes(reusedAt)).toBe(othersThere > 0);
  });

  it('the anchor block is fetched once the tip has reached it, and not before', async () => {
    const { sources } = recorded('full');
    const next = sources.month + 1;
    const anchor = anchorOf(sources, next);
    await fetchMonthSources(hostOf(sources, { tip: anchor }).client, { network: 'regtest', genesisId: sources.genesisId, month: next, depth: 'full' });
    expect(served.blocksAsked).toContain(anchor);
    served.blocksAsked = [];
    await fetchMonthSources(hostOf(sources, { tip: anchor - 1 }).client, { network: 'regtest', genesisId: sources.genesisId, month: next, depth: 'full' });
    expect(served.blocksAsked).not.toContain(anchor);
    expect(served.blocksAsked.length).toBeGreaterThan(0);
  });

  it('a wanted reveal whose proof the host cannot give is a failure, not a source', async () => {
    const { sources } = recorded('full');
    const [txid] = Object.keys(sources.reveals).filter((t) => t !== sources.genesisId.slice(0, 64));
    const got = await fetchMonthSources(hostOf(sources, { noProof: txid }).client, { network: 'regtest', genesisId: sources.genesisId, month: sources.month, depth: 'full' });
    expect(got.reveals[txid!]).toBeUndefined();
    expect(got.failures).toContainEqual({ txid, code: 'FETCH_NOT_FOUND', message: `no proof of ${txid}` });
  });

  it('a listed transaction the host cannot serve is a failure; a genesis it cannot serve ends the fetch', async () => {
    const { sources } = recorded('full');
    const gone = sources.listed[sources.month]!.find((t) => t !== sources.genesisId.slice(0, 64))!;
    const host = hostOf(sources, { hide: gone });
    const got = await fetchMonthSources(host.client, { network: 'regtest', genesisId: sources.genesisId, month: sources.month, depth: 'full' });
    expect(got.failures).toContainEqual({ txid: gone, code: 'FETCH_NOT_FOUND', message: `no ${gone}` });
    expect(got.failures.length).toBe(sources.failures.length + host.unkept.length + 1);
    expect(got.reveals[gone]).toBeUndefined();
    await expect(fetchMonthSources(hostOf(sources, { hide: sources.genesisId.slice(0, 64) }).client, { network: 'regtest', genesisId: sources.genesisId, month: sources.month, depth: 'full' }))
      .rejects.toMatchObject({ code: 'FETCH_NOT_FOUND', evidence: { genesis: sources.genesisId } });
    await expect(fetchMonthSources(hostOf(sources).client, { network: 'regtest', genesisId: 'nope', month: sources.month, depth: 'full' })).rejects.toMatchObject({ code: 'ANCHOR_GENESIS_ID' });
  });
});
