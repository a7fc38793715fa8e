import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import { recorded } from '../steps/recorded.test-util';
import type { MonthClient } from './month-client';
import { looseGenesis, monthsAtTip } from './months-at-tip';

const override = vi.hoisted(() => ({ blocksPerMonth: undefined as number | undefined }));
vi.mock('./loose', async (original) => {
  const real = await original<typeof import('./loose')>();
  return { ...real, looseParams: (p: Parameters<typeof real.looseParams>[0]) => { const r = real.looseParams(p); return r && override.blocksPerMonth !== undefined ? { ...r, blocksPerMonth: override.blocksPerMonth } : r; } };
});
afterEach(() => { override.blocksPerMonth = undefined; });

/** The recorded chain's genesis, and a client that serves its transactions and names `tip` as every host's tip. */
function chain(tip = 0) {
  const { sources } = recorded('full');
  const txs = new Map<string, ParsedTx>(Object.entries(sources.reveals).map(([t, r]) => [t, r.tx]));
  const fetchTx = vi.fn(async (txid: string, _opts?: { check?: (tx: ParsedTx) => Promise<void> }) => {
    const tx = txs.get(txid);
    if (!tx) throw new VerifyError('FETCH_NOT_FOUND', txid);
    return tx;
  });
  const client = { fetchTx, liveHosts: () => ['A'], fetchTipHeight: async () => tip } as unknown as MonthClient;
  return { sources, client, fetchTx };
}

describe('the genesis read loosely', () => {
  it('is the genesis message\'s payload and its start height and blocks per month, its transaction asked for with the binding check', async () => {
    const { sources, client, fetchTx } = chain();
    const g = await looseGenesis(client, sources.genesisId);
    expect(g.payload).toMatchObject({ params: { start_height: g.params.startHeight, blocks_per_month: g.params.blocksPerMonth } });
    expect(g.params.startHeight).toBeGreaterThan(0);
    expect(g.params.blocksPerMonth).toBeGreaterThan(0);
    expect(fetchTx).toHaveBeenCalledTimes(1);
    expect(fetchTx.mock.calls[0]?.[0]).toBe(sources.genesisId.slice(0, 64));
    expect(typeof fetchTx.mock.calls[0]?.[1]?.check).toBe('function');
  });

  it('an id that is no inscription id is ANCHOR_GENESIS_ID; one naming no genesis message is ANCHOR_GENESIS_MISSING', async () => {
    const { sources, client } = chain();
    await expect(looseGenesis(client, 'nope')).rejects.toMatchObject({ code: 'ANCHOR_GENESIS_ID' });
    const other = `${sources.genesisId.slice(0, 64)}i7`;
    await expect(looseGenesis(client, other)).rejects.toMatchObject({ code: 'ANCHOR_GENESIS_MISSING', evidence: { genesis: other } });
    const notGenesis = Object.keys(sources.reveals).find((t) => t !== sources.genesisId.slice(0, 64))!;
    await expect(looseGenesis(client, `${notGenesis}i0`)).rejects.toMatchObject({ code: 'ANCHOR_GENESIS_MISSING' });
  });

  it('a genesis whose blocks per month is below 1 is ANCHOR_GENESIS_MISSING; 1 is enough', async () => {
    const { sources, client } = chain();
    override.blocksPerMonth = 0;
    await expect(looseGenesis(client, sources.genesisId)).rejects.toMatchObject({ code: 'ANCHOR_GENESIS_MISSING' });
    override.blocksPerMonth = 1;
    expect((await looseGenesis(client, sources.genesisId)).params.blocksPerMonth).toBe(1);
  });
});

describe('the months started at the tip', () => {
  it('none below the start height; month 1 from it; one more every blocks per month', async () => {
    const { sources, client } = chain();
    const { params } = await looseGenesis(client, sources.genesisId);
    const at = async (tip: number) => { const c = chain(tip).client; return monthsAtTip(c, sources.genesisId); };
    expect(await at(params.startHeight - 1)).toEqual({ months: 0, tip: params.startHeight - 1, params });
    expect((await at(params.startHeight - 3 * params.blocksPerMonth)).months).toBe(0);
    expect((await at(params.startHeight)).months).toBe(1);
    expect((await at(params.startHeight + params.blocksPerMonth - 1)).months).toBe(1);
    expect((await at(params.startHeight + params.blocksPerMonth)).months).toBe(2);
    expect((await at(params.startHeight + 3 * params.blocksPerMonth)).months).toBe(4);
  });
});
