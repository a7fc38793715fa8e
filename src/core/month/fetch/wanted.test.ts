import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { parseInscriptionId } from '../../protocol/ids';
import { recorded } from '../steps/recorded.test-util';
import type { MarkerListing } from './listings';
import { looseMessages } from './loose';
import { revealsToBind } from './wanted';

const full = recorded('full').sources;
const quick = recorded('quick').sources;
const txs = new Map<string, ParsedTx>(Object.entries({ ...full.reveals, ...quick.reveals }).map(([txid, r]) => [txid, r.tx]));
const listingsOf = (listed: Record<number, string[]>): MarkerListing[] => Object.entries(listed).map(([m, txids]) => ({ month: Number(m), txids, confirmed: new Map() }));
const genesis = parseInscriptionId(full.genesisId);
const genesisPayload = looseMessages(txs.get(genesis.txid) ?? (() => { throw new Error('no genesis'); })()).find((x) => x.id === full.genesisId)?.payload;

describe('when a month is fetched at full depth', () => {
  it('binds every drey/1 reveal of month 0\'s and month m\'s markers, the previous final and everything they name', () => {
    const wanted = revealsToBind({ genesis, genesisPayload, month: 2, depth: 'full' }, listingsOf(full.listed), txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys(full.reveals)));
    expect(wanted.get(genesis.txid)).toBe('ref');
  });
});

describe('when a depositor\'s month is fetched at quick depth', () => {
  it('binds the finals, the inputs, the reveal and the lead\'s commit only, and the tables and keys they name', () => {
    const wanted = revealsToBind({ genesis, genesisPayload, month: 2, depth: 'quick' }, listingsOf(quick.listed), txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys(quick.reveals)));
    expect(wanted.size).toBeLessThan(Object.keys(full.reveals).length);
    expect([...wanted.values()].filter((f) => f === 2).length).toBeGreaterThanOrEqual(3);
  });
  it('without a final, binds no commit', () => {
    const listings = listingsOf(quick.listed).map((l) => ({ ...l, txids: l.txids.filter((t) => !looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'final')) }));
    const wanted = revealsToBind({ genesis, genesisPayload, month: 2, depth: 'quick' }, listings, txs);
    const commits = [...wanted.keys()].filter((t) => looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'commit'));
    expect(commits).toEqual([]);
  });
});

describe('when a listed transaction could not be fetched', () => {
  it('is not bound (its failure is reported by the inscriptions step)', () => {
    const [missing] = full.listed[2] ?? [];
    const fewer = new Map([...txs].filter(([t]) => t !== missing));
    const wanted = revealsToBind({ genesis, genesisPayload, month: 2, depth: 'full' }, listingsOf(full.listed), fewer);
    expect(missing && wanted.has(missing)).toBe(false);
  });
});
