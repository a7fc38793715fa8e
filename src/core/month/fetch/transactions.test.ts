import { describe, expect, it, vi } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import type { RevealSource } from '../records';
import type { MonthClient } from './month-client';
import { fetchTransaction, fetchTransactions, knownTransactions } from './transactions';

const tx = (txid: string) => ({ txid }) as ParsedTx;
/** A client whose fetchTx answers from `have`, fails with FETCH_NOT_FOUND otherwise, and records what it was asked. */
function clientOf(have: string[], fail?: Error) {
  const fetchTx = vi.fn(async (txid: string, _opts?: { check?: (t: ParsedTx) => Promise<void> }) => {
    if (fail) throw fail;
    if (!have.includes(txid)) throw new VerifyError('FETCH_NOT_FOUND', `no ${txid}`, { txid });
    return tx(txid);
  });
  return { client: { fetchTx } as unknown as MonthClient, fetchTx };
}

describe('transactions an earlier fetch holds', () => {
  it('are known by txid, without failures; none by default', () => {
    const known = knownTransactions({ aa: { tx: tx('aa') } as RevealSource, bb: { tx: tx('bb') } as RevealSource });
    expect([...known.byId.keys()]).toEqual(['aa', 'bb']);
    expect(known.byId.get('bb')?.txid).toBe('bb');
    expect(known.failures).toEqual([]);
    expect(knownTransactions()).toEqual({ byId: new Map(), failures: [] });
  });
});

describe('fetching the transactions of a listing', () => {
  it('asks once for each txid not yet known and keeps the known ones and their failures', async () => {
    const { client, fetchTx } = clientOf(['bb', 'cc']);
    const earlier = { txid: 'zz', code: 'FETCH_NOT_FOUND' as const, message: 'gone' };
    const known = { byId: new Map([['aa', tx('aa')]]), failures: [earlier] };
    const r = await fetchTransactions(client, ['aa', 'bb', 'cc', 'bb', 'dd'], known);
    expect(fetchTx.mock.calls.map((c) => c[0])).toEqual(['bb', 'cc', 'dd']);
    expect([...r.byId.keys()]).toEqual(['aa', 'bb', 'cc']);
    expect(r.failures).toEqual([earlier, { txid: 'dd', code: 'FETCH_NOT_FOUND', message: 'no dd' }]);
    expect(known.byId.size).toBe(1);
    expect(known.failures).toEqual([earlier]);
  });

  it('passes the check to the client only when there is one', async () => {
    const { client, fetchTx } = clientOf(['bb']);
    const check = async () => {};
    await fetchTransactions(client, ['bb'], knownTransactions(), check);
    expect(fetchTx.mock.calls[0]?.[1]).toEqual({ check });
    await fetchTransaction(client, 'bb');
    expect(fetchTx.mock.calls[1]?.[1]).toEqual({});
  });

  it('a failure to obtain one is recorded with its code and message; an end of the run or a bug is thrown', async () => {
    expect(await fetchTransaction(clientOf([]).client, 'ee')).toEqual({ txid: 'ee', code: 'FETCH_NOT_FOUND', message: 'no ee' });
    await expect(fetchTransaction(clientOf([], new VerifyError('FETCH_ABORTED', 'stopped')).client, 'ee')).rejects.toThrow('stopped');
    await expect(fetchTransaction(clientOf([], new TypeError('bug')).client, 'ee')).rejects.toThrow(TypeError);
  });
});
