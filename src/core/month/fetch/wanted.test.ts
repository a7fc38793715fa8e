import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { parseInscriptionId } from '../../protocol/ids';
import { recorded } from '../steps/recorded.test-util';
import type { MarkerListing } from './listings';
import { looseMessages, strictGenesis } from './loose';
import { revealsToBind } from './wanted';
import { once } from '../../once.test-util';

const full = recorded('full').sources;
const quick = recorded('quick').sources;
const txs = new Map<string, ParsedTx>(Object.entries({ ...full.reveals, ...quick.reveals }).map(([txid, r]) => [txid, r.tx]));
const listingsOf = (listed: Record<number, string[]>): MarkerListing[] => Object.entries(listed).map(([m, txids]) => ({ month: Number(m), txids, confirmed: new Map() }));
const genesis = parseInscriptionId(full.genesisId);
const genesisTx = txs.get(genesis.txid) ?? (() => { throw new Error('no genesis'); })();
/** The recorded genesis as the fetch layer reads it, parsed on first use (inside a test, not at collection). */
const entitledOf = once(() => strictGenesis(genesisTx, full.genesisId, 'regtest'));
const ctx = (depth: 'full' | 'quick') => ({ network: 'regtest' as const, genesisId: full.genesisId, genesis, entitled: entitledOf(), month: 2, depth });

describe('when a month is fetched at full depth', () => {
  it('binds every drey/1 reveal of month 0\'s and month m\'s markers, the previous final and everything they name', () => {
    const wanted = revealsToBind(ctx('full'), listingsOf(full.listed), txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys(full.reveals)));
    expect(wanted.get(genesis.txid)).toBe('ref');
  });
});

describe('month 0\'s marker with month outpoints (§2.4.1)', () => {
  it('a transaction spending a genesis output from 1 on (an earlier month\'s final) is not bound there; one spending output 0 is', () => {
    const registration = (full.listed[0] ?? []).find((t) => full.reveals[t])!;
    const tx = txs.get(registration)!;
    const spending = (vout: number): ParsedTx => ({ ...tx, inputs: [...tx.inputs, { ...tx.inputs[0]!, txid: genesis.txid, vout, witness: [] }] });
    const wantedWith = (vout: number) => revealsToBind(ctx('full'), [{ month: 0, txids: [registration], confirmed: new Map() }], new Map([[registration, spending(vout)]]));
    expect(wantedWith(1).has(registration)).toBe(false);
    expect(wantedWith(7).has(registration)).toBe(false);
    expect(wantedWith(0).get(registration)).toBe(0);
  });
});

describe('when a depositor\'s month is fetched at quick depth', () => {
  it('binds the finals, the inputs, the reveal and the lead\'s commit only, and the tables and keys they name', () => {
    const wanted = revealsToBind(ctx('quick'), listingsOf(quick.listed), txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys({ ...quick.reveals, ...quick.objects })));
    expect(wanted.size).toBeLessThan(Object.keys(full.reveals).length);
    expect([...wanted.values()].filter((f) => f === 2).length).toBeGreaterThanOrEqual(3);
  });
  it('without a final, binds no commit', () => {
    const listings = listingsOf(quick.listed).map((l) => ({ ...l, txids: l.txids.filter((t) => !looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'final')) }));
    const wanted = revealsToBind(ctx('quick'), listings, txs);
    const commits = [...wanted.keys()].filter((t) => looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'commit'));
    expect(commits).toEqual([]);
  });
});

describe('when a listed transaction could not be fetched', () => {
  it('is not bound (its failure is reported by the inscriptions step)', () => {
    const [missing] = full.listed[2] ?? [];
    const fewer = new Map([...txs].filter(([t]) => t !== missing));
    const wanted = revealsToBind(ctx('full'), listingsOf(full.listed), fewer);
    expect(missing && wanted.has(missing)).toBe(false);
  });
});

describe('when the group\'s and the PoL service\'s messages are signed by other keys than the genesis names', () => {
  const stranger = '11'.repeat(32);
  const unentitled = () => { const entitled = entitledOf(); return entitled && { ...entitled, groupKey: stranger, polKey: stranger }; };

  it('at quick depth, follows none of them: only the genesis and its objects are bound', () => {
    const wanted = revealsToBind({ ...ctx('quick'), entitled: unentitled() }, listingsOf(quick.listed), txs);
    expect([...wanted.values()].every((f) => f === 'ref')).toBe(true);
    expect(new Set(wanted.keys())).toEqual(new Set([genesis.txid, ...(entitledOf()?.objects ?? []).map((id) => id.slice(0, 64))]));
  });

  it('at full depth, binds the marker\'s envelopes but fetches no table part they name', () => {
    const honest = revealsToBind(ctx('full'), listingsOf(full.listed), txs);
    const wanted = revealsToBind({ ...ctx('full'), entitled: unentitled() }, listingsOf(full.listed), txs);
    const parts = [...honest].filter(([t, f]) => f === 'ref' && t !== genesis.txid && !(entitledOf()?.objects ?? []).some((id) => id.startsWith(t)));
    expect(parts.length).toBeGreaterThan(0);
    for (const [t] of parts) expect(wanted.has(t), t).toBe(false);
  });

  it('without a genesis that parses, binds the genesis alone', () => {
    const wanted = revealsToBind({ ...ctx('quick'), entitled: undefined }, listingsOf(quick.listed), txs);
    expect([...wanted.keys()]).toEqual([genesis.txid]);
  });
});
