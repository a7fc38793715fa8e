import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import type { GenesisParams } from '../../protocol/payloads';
import { recorded } from '../steps/recorded.test-util';
import { monthEnd } from '../timeline';
import type { MarkerListing } from './listings';
import { strictGenesis } from './loose';
import { hasTimelyFinal, startingMonth, type StartingMonthContext } from './starting-month';

const { sources } = recorded('full');
const txs = new Map<string, ParsedTx>(Object.entries(sources.reveals).map(([t, r]) => [t, r.tx]));
const genesisTx = txs.get(sources.genesisId.slice(0, 64));
const genesis = genesisTx && strictGenesis(genesisTx, sources.genesisId, 'regtest');
if (!genesis) throw new Error('the recorded month has no genesis');
const params: GenesisParams = genesis.params;
const month1: MarkerListing = {
  month: 1, txids: sources.listed[1] ?? [],
  confirmed: new Map((sources.listed[1] ?? []).flatMap((t) => { const r = sources.reveals[t]; return r ? [[t, { height: r.proof.block_height, hash: '' }] as const] : []; })),
};
const ctx = (tipHeight: number): StartingMonthContext => ({ network: 'regtest', genesisId: sources.genesisId, genesis, tipHeight });

describe('when last month has a group-signed final confirmed by its end', () => {
  it('the month starts from last month', async () => {
    expect(hasTimelyFinal(ctx(sources.tipHeight), month1, txs)).toBe(true);
    expect(await startingMonth(ctx(sources.tipHeight), 2, async () => ({ listing: month1, txs }))).toBe(1);
  });
});

describe('when last month\'s final confirmed after its end, or it has none', () => {
  it('walks back over it (to 0: an empty table)', async () => {
    const late: MarkerListing = { ...month1, confirmed: new Map([...month1.confirmed].map(([t, at]) => [t, { ...at, height: monthEnd(params, 1) + 1 }])) };
    expect(hasTimelyFinal(ctx(sources.tipHeight), late, txs)).toBe(false);
    expect(await startingMonth(ctx(sources.tipHeight), 2, async () => ({ listing: late, txs }))).toBe(0);
    const none: MarkerListing = { month: 1, txids: [], confirmed: new Map() };
    expect(await startingMonth(ctx(sources.tipHeight), 2, async () => ({ listing: none, txs }))).toBe(0);
  });
  it('asks for each earlier month\'s listing while the months are finished', async () => {
    const asked: number[] = [];
    const empty = (m: number) => { asked.push(m); return Promise.resolve({ listing: { month: m, txids: [], confirmed: new Map() } as MarkerListing, txs }); };
    expect(await startingMonth(ctx(monthEnd(params, 4) + 1), 5, empty)).toBe(0);
    expect(asked).toEqual([4, 3, 2, 1]);
  });
});

describe('when last month is not finished at the tip', () => {
  it('the month starts from it, without looking at its listing', async () => {
    const asked: number[] = [];
    expect(await startingMonth(ctx(monthEnd(params, 1)), 2, async (m) => { asked.push(m); return { listing: month1, txs }; })).toBe(1);
    expect(asked).toEqual([]);
  });
});
