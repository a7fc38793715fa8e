import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../chain/tx';
import type { MonthSources, RevealSource } from './records';
import { signaturesInputOf, spendersOf } from './spenders';
import { parseInscriptionId } from '../protocol/ids';
import { markerScript } from '../protocol/marker';

const G = 'aa'.repeat(32);
const reveal = (txid: string, inputs: [string, number][]): RevealSource => ({
  tx: { txid, inputs: inputs.map(([t, vout]) => ({ txid: t, vout })), outputs: [] } as unknown as ParsedTx,
  proof: { block_height: 1, merkle: [], pos: 0 }, spent: {}, found: 1,
});

describe('the month outpoints\' spenders the sources prove', () => {
  const reveals = {
    [G]: reveal(G, []),
    ['b1'.repeat(32)]: reveal('b1'.repeat(32), [['cc'.repeat(32), 0], [G, 1]]),
    ['b2'.repeat(32)]: reveal('b2'.repeat(32), [[G, 3]]),
  };

  it('a named spender counts when its transaction is at hand and spends genesis output m', () => {
    const r = spendersOf({ genesisId: `${G}i0`, reveals, spenders: { 1: 'b1'.repeat(32), 2: 'b2'.repeat(32), 3: null, 4: 'b9'.repeat(32) } });
    expect(r?.genesisTx.txid).toBe(G);
    // Month 2's named spender spends output 3, month 4's was never fetched, month 3 is unspent.
    expect([...r!.spenders]).toEqual([[1, 'b1'.repeat(32)]]);
    // It pays neither marker (§2.4.1 asks for both).
    expect([...r!.unpaid]).toEqual([[1, [0, 1]]]);
  });

  it('the markers a spender pays are not among its unpaid ones', () => {
    const genesis = parseInscriptionId(`${G}i0`);
    const pays = (...months: number[]) => months.map((m) => ({ amount: 330n, script: markerScript(genesis, m) }));
    const withOutputs = (months: number[]) => ({ ...reveals, ['b1'.repeat(32)]: { ...reveals['b1'.repeat(32)]!, tx: { ...reveals['b1'.repeat(32)]!.tx, outputs: pays(...months) } } });
    expect([...spendersOf({ genesisId: `${G}i0`, reveals: withOutputs([0, 1]), spenders: { 1: 'b1'.repeat(32) } })!.unpaid]).toEqual([]);
    expect([...spendersOf({ genesisId: `${G}i0`, reveals: withOutputs([1]), spenders: { 1: 'b1'.repeat(32) } })!.unpaid]).toEqual([[1, [0]]]);
    expect([...spendersOf({ genesisId: `${G}i0`, reveals: withOutputs([0, 2]), spenders: { 1: 'b1'.repeat(32) } })!.unpaid]).toEqual([[1, [1]]]);
  });

  it('nothing without the genesis transaction; no spenders when the hosts named none', () => {
    expect(spendersOf({ genesisId: `${'dd'.repeat(32)}i0`, reveals, spenders: { 1: 'b1'.repeat(32) } })).toBeUndefined();
    expect([...spendersOf({ genesisId: `${G}i0`, reveals })!.spenders]).toEqual([]);
  });
});

describe('the signatures step\'s input from a month\'s sources', () => {
  const records = new Map();
  const sources = (extra: Partial<MonthSources>): MonthSources => ({
    genesisId: `${G}i0`, network: 'regtest', month: 5, reveals: { [G]: reveal(G, []), ['b1'.repeat(32)]: reveal('b1'.repeat(32), [[G, 5]]) }, ...extra,
  }) as unknown as MonthSources;

  it('starts from the month the sources name (0 included), else from the month before', () => {
    expect(signaturesInputOf(sources({}), records).previousMonth).toBe(4);
    expect(signaturesInputOf(sources({ previousMonth: 0 }), records).previousMonth).toBe(0);
    expect(signaturesInputOf(sources({ previousMonth: 2 }), records).previousMonth).toBe(2);
  });

  it('carries the records, genesis, network and month, the month outpoints\' spenders when the genesis transaction is at hand, and the unfetched envelopes', () => {
    const ignored = [{ id: `${'cd'.repeat(32)}i0`, txid: 'cd'.repeat(32), month: 5, code: 'MESSAGE_NOT_AUTHORISED' as const, message: 'x' }];
    const input = signaturesInputOf(sources({ spenders: { 5: 'b1'.repeat(32) }, ignored }), records);
    expect(input.records).toBe(records);
    expect(input).toMatchObject({ genesisId: `${G}i0`, network: 'regtest', month: 5, unbound: ignored });
    expect([...input.outpoints!.spenders]).toEqual([[5, 'b1'.repeat(32)]]);
    expect(input.outpoints!.genesisTx.txid).toBe(G);
    const bare = signaturesInputOf(sources({ genesisId: `${'dd'.repeat(32)}i0` }), records);
    expect(Object.keys(bare).sort()).toEqual(['genesisId', 'month', 'network', 'previousMonth', 'records']);
  });
});
