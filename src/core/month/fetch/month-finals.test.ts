import { describe, expect, it, vi } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import type { Outspend } from '../../esplora/shapes';
import { once } from '../../once.test-util';
import { recorded } from '../steps/recorded.test-util';
import { monthEnd } from '../timeline';
import { strictGenesis, strictMessages } from './loose';
import type { MonthClient } from './month-client';
import { monthFinals } from './month-finals';
import type { StartingMonthContext } from './starting-month';

/** The recorded month's genesis and month 1's final, as if the genesis provided month outpoints. */
const fixture = once(() => {
  const { sources } = recorded('full');
  const genesisTxid = sources.genesisId.slice(0, 64);
  const genesisTx = sources.reveals[genesisTxid]?.tx;
  const strict = genesisTx && strictGenesis(genesisTx, sources.genesisId, 'regtest');
  if (!strict) throw new Error('the recorded month has no genesis');
  const txOf = (t: string): ParsedTx[] => { const r = sources.reveals[t]; return r ? [r.tx] : []; };
  const finalTx = (sources.listed[1] ?? []).flatMap(txOf).find((tx) => strictMessages(tx, { network: 'regtest', genesis: sources.genesisId, month: 1 }).some((x) => x.type === 'final'));
  const otherTx = (sources.listed[0] ?? []).flatMap(txOf)[0];
  if (!finalTx || !otherTx) throw new Error('the recorded month lacks a final or a registration');
  /** A transaction as if it also spent genesis output `vout` (last input). */
  const spending = (tx: ParsedTx, vout: number): ParsedTx => ({ ...tx, inputs: [...tx.inputs, { ...tx.inputs[0]!, txid: genesisTxid, vout, witness: [] }] });
  return { sources, genesisTxid, genesis: { ...strict, params: { ...strict.params, months: 12 } }, finalTx, otherTx, spending };
});

const spent = (txid: string, vin: number, height: number): Outspend => ({ spent: true, txid, vin, status: { confirmed: true, block_height: height, block_hash: 'ab'.repeat(32) } });
const unspent: Outspend = { spent: false };

/** A client whose hosts answer `/outspends` with `lists` (an Error: the host fails) and serve `txs`. */
function client(lists: Record<string, Outspend[] | Error>, txs: readonly ParsedTx[] = []) {
  const byId = new Map(txs.map((t) => [t.txid, t]));
  const blame = vi.fn();
  const fetchOutspends = vi.fn(async (_txid: string, hosts?: readonly string[]) => {
    const l = lists[hosts![0]!]!;
    if (l instanceof Error) throw l;
    return l;
  });
  const fetchTx = vi.fn(async (t: string) => {
    const tx = byId.get(t);
    if (!tx) throw new VerifyError('FETCH_NOT_FOUND', `no ${t}`);
    return tx;
  });
  return { c: { liveHosts: () => Object.keys(lists), fetchOutspends, fetchTx, blame } as unknown as MonthClient, fetchOutspends, blame };
}

const ctx = (tipHeight: number): StartingMonthContext => {
  const f = fixture();
  return { network: 'regtest', genesisId: f.sources.genesisId, genesis: f.genesis, tipHeight };
};

/** Outspends of the genesis outputs 0..3: output 1 spent as given, the others unspent. */
const outspends = (one: Outspend): Outspend[] => [unspent, one, unspent, unspent];

describe('finals found through the month outpoints', () => {
  it('month 2 starts from month 1, whose outpoint a timely group final spends; one outspends request per host', async () => {
    const f = fixture();
    const end1 = monthEnd(f.genesis.params, 1);
    const spender = f.spending(f.finalTx, 1);
    const { c, fetchOutspends } = client({ a: outspends(spent(spender.txid, spender.inputs.length - 1, end1)), b: outspends(spent(spender.txid, spender.inputs.length - 1, end1)) }, [spender]);
    const r = await monthFinals(c, ctx(end1 + 100), f.genesisTxid, 2);
    expect(r).toEqual({ previousMonth: 1, previous: { month: 1, txid: spender.txid, at: { height: end1, hash: 'ab'.repeat(32) }, hosts: ['a', 'b'], tx: spender }, spenders: { 1: spender.txid, 2: null } });
    expect(fetchOutspends).toHaveBeenCalledTimes(2);
  });

  it('month m\'s own spender is returned as the current final', async () => {
    const f = fixture();
    const spender = f.spending(f.finalTx, 1);
    const { c } = client({ a: outspends(spent(spender.txid, spender.inputs.length - 1, 300)) }, [spender]);
    const r = await monthFinals(c, ctx(10_000), f.genesisTxid, 1);
    expect(r.current).toEqual({ month: 1, txid: spender.txid, at: { height: 300, hash: 'ab'.repeat(32) }, hosts: ['a'], tx: spender });
    expect(r.previousMonth).toBe(0);
  });

  it('walks back over a month whose outpoint is spent after its end, or by a transaction with no group final', async () => {
    const f = fixture();
    const end1 = monthEnd(f.genesis.params, 1);
    const late = f.spending(f.finalTx, 1);
    const a = await monthFinals(client({ a: outspends(spent(late.txid, late.inputs.length - 1, end1 + 1)) }, [late]).c, ctx(end1 + 100), f.genesisTxid, 2);
    expect(a.previousMonth).toBe(0);
    expect(a.previous).toBeUndefined();
    const other = f.spending(f.otherTx, 1);
    const b = await monthFinals(client({ a: outspends(spent(other.txid, other.inputs.length - 1, end1)) }, [other]).c, ctx(end1 + 100), f.genesisTxid, 2);
    expect(b.previousMonth).toBe(0);
    expect(b.spenders).toEqual({ 1: other.txid, 2: null });
  });

  it('does not walk back over a month that has not ended at the tip', async () => {
    const f = fixture();
    const r = await monthFinals(client({ a: outspends(unspent) }, []).c, ctx(monthEnd(f.genesis.params, 1)), f.genesisTxid, 2);
    expect(r.previousMonth).toBe(1);
    expect(r.previous).toBeUndefined();
  });

  it('a host that names a spender of another output is named and not believed', async () => {
    const f = fixture();
    const wrong = f.spending(f.finalTx, 3);
    const { c, blame } = client({ a: outspends(spent(wrong.txid, wrong.inputs.length - 1, 300)), b: outspends(unspent) }, [wrong]);
    const r = await monthFinals(c, ctx(10_000), f.genesisTxid, 1);
    expect(r.current).toBeUndefined();
    expect(blame).toHaveBeenCalledWith('a', expect.objectContaining({ code: 'CHAIN_SPENDER_MISMATCH' }));
  });

  it('"unspent" needs every host: a host that cannot answer makes the month unavailable', async () => {
    const f = fixture();
    const { c } = client({ a: outspends(unspent), b: new VerifyError('FETCH_HTTP_STATUS', '503') }, []);
    await expect(monthFinals(c, ctx(10_000), f.genesisTxid, 1)).rejects.toMatchObject({ code: 'FETCH_ALL_HOSTS_FAILED' });
  });

  it('two hosts naming different confirmed spenders cannot both be right: unavailable', async () => {
    const f = fixture();
    const x = f.spending(f.finalTx, 1);
    const y = f.spending(f.otherTx, 1);
    const { c } = client({ a: outspends(spent(x.txid, x.inputs.length - 1, 300)), b: outspends(spent(y.txid, y.inputs.length - 1, 300)) }, [x, y]);
    await expect(monthFinals(c, ctx(10_000), f.genesisTxid, 1)).rejects.toMatchObject({ code: 'FETCH_HOSTS_DISAGREE' });
  });

  it('a list without an entry for the month\'s output counts as that host\'s failure', async () => {
    const f = fixture();
    const { c } = client({ a: [unspent] }, []);
    await expect(monthFinals(c, ctx(10_000), f.genesisTxid, 1)).rejects.toMatchObject({ code: 'FETCH_ALL_HOSTS_FAILED' });
  });
});

describe('which spenders count as confirmed, and what a failure names', () => {
  const withStatus = (txid: string, vin: number, status: Record<string, unknown>): Outspend => ({ spent: true, txid, vin, status } as unknown as Outspend);

  it('a spend the host calls unconfirmed, or confirmed without a height or a block hash, is no spender: the outpoint counts as unspent', async () => {
    const f = fixture();
    const s = f.spending(f.finalTx, 1);
    const vin = s.inputs.length - 1;
    for (const status of [
      { confirmed: false },
      { confirmed: false, block_height: 300, block_hash: 'ab'.repeat(32) },
      { confirmed: true, block_hash: 'ab'.repeat(32) },
      { confirmed: true, block_height: 300 },
    ]) {
      const r = await monthFinals(client({ a: outspends(withStatus(s.txid, vin, status)) }, [s]).c, ctx(10_000), f.genesisTxid, 1);
      expect(r.current, JSON.stringify(status)).toBeUndefined();
      expect(r.spenders, JSON.stringify(status)).toEqual({ 1: null });
    }
  });

  it('an unconfirmed spend named by one host does not contradict another host\'s confirmed spender', async () => {
    const f = fixture();
    const x = f.spending(f.finalTx, 1);
    const y = f.spending(f.otherTx, 1);
    const { c } = client({ a: outspends(spent(x.txid, x.inputs.length - 1, 300)), b: outspends(withStatus(y.txid, y.inputs.length - 1, { confirmed: false })) }, [x, y]);
    const r = await monthFinals(c, ctx(10_000), f.genesisTxid, 1);
    expect(r.current?.txid).toBe(x.txid);
    expect(r.current?.hosts).toEqual(['a']);
  });

  it('hosts that disagree are named with the month and both spenders', async () => {
    const f = fixture();
    const x = f.spending(f.finalTx, 1);
    const y = f.spending(f.otherTx, 1);
    const { c } = client({ a: outspends(spent(x.txid, x.inputs.length - 1, 300)), b: outspends(spent(y.txid, y.inputs.length - 1, 300)) }, [x, y]);
    const e = await monthFinals(c, ctx(10_000), f.genesisTxid, 1).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(VerifyError);
    expect(e).toMatchObject({ code: 'FETCH_HOSTS_DISAGREE', message: 'the hosts name 2 different confirmed spenders of month 1\'s outpoint', evidence: { month: 1, spenders: [x.txid, y.txid] } });
  });

  it('a host that cannot answer is named with its error\'s code', async () => {
    const f = fixture();
    const { c } = client({ a: outspends(unspent), b: new VerifyError('FETCH_HTTP_STATUS', '503') }, []);
    const e = await monthFinals(c, ctx(10_000), f.genesisTxid, 1).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'FETCH_ALL_HOSTS_FAILED', message: 'not every host could say whether month 1\'s outpoint is spent', evidence: { month: 1, hosts: { b: 'FETCH_HTTP_STATUS' } } });
  });

  it('a confirmed spender wins over a host that could not answer', async () => {
    const f = fixture();
    const x = f.spending(f.finalTx, 1);
    const { c } = client({ a: outspends(spent(x.txid, x.inputs.length - 1, 300)), b: new VerifyError('FETCH_HTTP_STATUS', '503') }, [x]);
    expect((await monthFinals(c, ctx(10_000), f.genesisTxid, 1)).current?.txid).toBe(x.txid);
  });
});

describe('the last month outpoint (the genesis declares 12)', () => {
  const all = (): Outspend[] => Array.from({ length: 13 }, () => unspent);

  it('month 12 asks for its own outpoint; month 13 has none to ask and starts from month 12 while it runs', async () => {
    const f = fixture();
    const tip = monthEnd(f.genesis.params, 12);
    const twelve = await monthFinals(client({ a: all() }).c, ctx(monthEnd(f.genesis.params, 11)), f.genesisTxid, 12);
    expect(twelve.spenders).toEqual({ 11: null, 12: null });
    const thirteen = await monthFinals(client({ a: all() }).c, ctx(tip), f.genesisTxid, 13);
    expect(thirteen.spenders).toEqual({ 12: null });
    expect(thirteen.previousMonth).toBe(12);
    expect(thirteen.current).toBeUndefined();
  });

  it('month 13 with no outpoint spent by a timely final walks back to an empty table', async () => {
    const f = fixture();
    const r = await monthFinals(client({ a: all() }).c, ctx(monthEnd(f.genesis.params, 12) + 1), f.genesisTxid, 13);
    expect(r.previousMonth).toBe(0);
    expect(Object.keys(r.spenders).map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
