import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import type { GenesisParams } from '../../protocol/payloads';
import { recorded } from '../steps/recorded.test-util';
import { monthEnd } from '../timeline';
import type { MarkerListing } from './listings';
import { strictGenesis } from './loose';
import { hasTimelyFinal, startingMonth, type StartingMonthContext } from './starting-month';
import type { Transactions } from './transactions';
import { once } from '../../once.test-util';

const { sources } = recorded('full');
const txs = new Map<string, ParsedTx>(Object.entries(sources.reveals).map(([t, r]) => [t, r.tx]));
const genesisTx = txs.get(sources.genesisId.slice(0, 64));
/** The recorded genesis, parsed on first use (inside a test, not at collection). */
const genesisOf = once(() => {
  const parsed = genesisTx && strictGenesis(genesisTx, sources.genesisId, 'regtest');
  if (!parsed) throw new Error('the recorded month has no genesis');
  return parsed;
});
const params = (): GenesisParams => genesisOf().params;
const month1: MarkerListing = {
  month: 1, txids: sources.listed[1] ?? [],
  confirmed: new Map((sources.listed[1] ?? []).flatMap((t) => { const r = sources.reveals[t]; return r ? [[t, { height: r.proof.block_height, hash: '' }] as const] : []; })),
};
const ctx = (tipHeight: number): StartingMonthContext => ({ network: 'regtest', genesisId: sources.genesisId, genesis: genesisOf(), tipHeight });
const known: Transactions = { byId: txs, failures: [] };
/** Where month 1 is already listed; earlier months are fetched as `fetched` lists them, counting the months asked for. */
const start = (tipHeight: number, month: number, listing1: MarkerListing, fetched: (m: number) => MarkerListing = (m) => ({ month: m, txids: [], confirmed: new Map() })) => {
  const asked: number[] = [];
  const result = startingMonth(ctx(tipHeight), month, { listings: [listing1], txs: known }, async (m, t) => { asked.push(m); return { listing: fetched(m), txs: t }; });
  return { asked, result };
};

describe('when last month has a group-signed final confirmed by its end', () => {
  it('the month starts from last month', async () => {
    expect(hasTimelyFinal(ctx(sources.tipHeight), month1, txs)).toBe(true);
    expect((await start(sources.tipHeight, 2, month1).result).month).toBe(1);
  });
});

describe('when last month\'s final confirmed after its end, or it has none', () => {
  it('walks back over it (to 0: an empty table)', async () => {
    const late: MarkerListing = { ...month1, confirmed: new Map([...month1.confirmed].map(([t, at]) => [t, { ...at, height: monthEnd(params(), 1) + 1 }])) };
    expect(hasTimelyFinal(ctx(sources.tipHeight), late, txs)).toBe(false);
    expect((await start(sources.tipHeight, 2, late).result).month).toBe(0);
    const none: MarkerListing = { month: 1, txids: [], confirmed: new Map() };
    expect((await start(sources.tipHeight, 2, none).result).month).toBe(0);
  });
  it('lists each earlier month not yet listed while the months are finished, and returns the listings', async () => {
    const { asked, result } = start(monthEnd(params(), 4) + 1, 5, { month: 1, txids: [], confirmed: new Map() });
    const r = await result;
    expect(r.month).toBe(0);
    expect(asked).toEqual([4, 3, 2]);
    expect(r.listings.map((l) => l.month)).toEqual([1, 4, 3, 2]);
  });
  it('stops at the first earlier month with a timely final', async () => {
    const { asked, result } = start(monthEnd(params(), 3) + 1, 4, month1);
    expect((await result).month).toBe(1);
    expect(asked).toEqual([3, 2]);
  });
});

describe('when last month is not finished at the tip', () => {
  it('the month starts from it, without looking at its listing', async () => {
    const { asked, result } = start(monthEnd(params(), 1), 2, { month: 1, txids: [], confirmed: new Map() });
    expect((await result).month).toBe(1);
    expect(asked).toEqual([]);
  });
});
