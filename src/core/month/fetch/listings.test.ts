import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../errors';
import type { AddressTx } from '../../esplora/shapes';
import { parseInscriptionId } from '../../protocol/ids';
import { markerAddress, markerScript } from '../../protocol/marker';
import { confirmedAt, fetchListing, markerMonths, type MarkerListing } from './listings';
import type { MonthClient } from './month-client';

const GENESIS = parseInscriptionId(`${'11'.repeat(32)}i0`);

describe('the markers a month is discovered from', () => {
  it('at full depth: month 0\'s, the month before and the month itself, once each', () => {
    expect(markerMonths(5, 'full')).toEqual([0, 4, 5]);
    expect(markerMonths(1, 'full')).toEqual([0, 1]);
  });
  it('at quick depth: the month before (from month 1 on) and the month itself', () => {
    expect(markerMonths(5, 'quick')).toEqual([4, 5]);
    expect(markerMonths(2, 'quick')).toEqual([1, 2]);
    expect(markerMonths(1, 'quick')).toEqual([1]);
  });
});

describe('where the listings say a transaction confirmed', () => {
  const listing = (at: Record<string, number>): MarkerListing => ({ month: 1, txids: Object.keys(at), confirmed: new Map(Object.entries(at).map(([t, h]) => [t, { height: h, hash: `h${h}` }])) });
  it('is the last listing\'s word that names it, or nothing', () => {
    const ls = [listing({ a: 1, b: 2 }), listing({ b: 3 }), listing({ c: 4 })];
    expect(confirmedAt(ls, 'a')).toEqual({ height: 1, hash: 'h1' });
    expect(confirmedAt(ls, 'b')).toEqual({ height: 3, hash: 'h3' });
    expect(confirmedAt(ls, 'z')).toBeUndefined();
  });
});

const entry = (txid: string, status: AddressTx['status']) => ({ txid, status }) as AddressTx;
/** A client whose hosts answer the marker's address listing as `answers` says (an error is that host's failure). */
function clientOf(answers: Record<string, AddressTx[] | VerifyError>) {
  const asked: string[] = [];
  const froms: (string | undefined)[] = [];
  const client = {
    liveHosts: () => Object.keys(answers),
    fetchAddressTxs: async (address: string, opts: { hosts: string[]; from?: string }) => {
      asked.push(address);
      froms.push(opts.from);
      const a = answers[opts.hosts[0]!];
      if (a instanceof VerifyError) throw a;
      return a;
    },
  } as unknown as MonthClient;
  return { client, asked, froms };
}

describe('a month\'s marker listed by every live host', () => {
  it('is the union of the listings, with where each confirmed transaction confirmed', async () => {
    const { client, asked } = clientOf({
      A: [entry('t1', { confirmed: true, block_height: 10, block_hash: 'b10', block_time: 1 }), entry('t0', { confirmed: false })],
      B: [entry('t2', { confirmed: true, block_height: 11, block_hash: 'b11', block_time: 1 })],
    });
    const l = await fetchListing(client, 'regtest', GENESIS, 3);
    expect(asked).toEqual([markerAddress('regtest', GENESIS, 3), markerAddress('regtest', GENESIS, 3)]);
    expect(l.month).toBe(3);
    expect(new Set(l.txids)).toEqual(new Set(['t0', 't1', 't2']));
    expect([...l.confirmed]).toEqual(expect.arrayContaining([['t1', { height: 10, hash: 'b10' }], ['t2', { height: 11, hash: 'b11' }]]));
    expect(l.confirmed.size).toBe(2);
    expect(l.hosts?.byHost.size).toBe(2);
  });

  it('a confirmed entry without its height or hash is listed, with no place', async () => {
    const { client } = clientOf({ A: [entry('t1', { confirmed: true, block_hash: 'b' } as AddressTx['status']), entry('t2', { confirmed: true, block_height: 3 } as AddressTx['status'])] });
    const l = await fetchListing(client, 'regtest', GENESIS, 1);
    expect(new Set(l.txids)).toEqual(new Set(['t1', 't2']));
    expect(l.confirmed.size).toBe(0);
  });

  it('when no host answers: the only host\'s own error, or FETCH_ALL_HOSTS_FAILED naming each host\'s code', async () => {
    const timeout = new VerifyError('FETCH_TIMEOUT', 'slow');
    await expect(fetchListing(clientOf({ A: timeout }).client, 'regtest', GENESIS, 2)).rejects.toBe(timeout);
    await expect(fetchListing(clientOf({ A: timeout, B: new VerifyError('FETCH_NOT_FOUND', 'none') }).client, 'regtest', GENESIS, 2))
      .rejects.toMatchObject({ code: 'FETCH_ALL_HOSTS_FAILED', evidence: { month: 2, hosts: { A: 'FETCH_TIMEOUT', B: 'FETCH_NOT_FOUND' } } });
  });
});

describe('a marker listed from the month\'s final (§2.4.1)', () => {
  const at = { height: 20, hash: 'b20' };
  const paying = (...months: number[]) => ({ outputs: months.map((m) => ({ amount: 330n, script: markerScript(GENESIS, m) })) });
  const older = [entry('t1', { confirmed: true, block_height: 12, block_hash: 'b12', block_time: 1 })];

  it('that pays the marker: listed back from it, the final heading the list, every host that named it held to its block', async () => {
    const { client, froms } = clientOf({ A: older, B: older });
    const l = await fetchListing(client, 'regtest', GENESIS, 3, { txid: 'f', at, hosts: ['A'], tx: paying(0, 3) });
    expect(froms).toEqual(['f', 'f']);
    expect(l.txids).toEqual(['f', 't1']);
    expect(l.confirmed.get('f')).toEqual(at);
    expect(l.hosts?.indexedTo).toEqual(new Map([['A', 20]]));
  });

  it('that does not pay it: listed from the top (no anchor, nobody held to a block), the final still heading the list once', async () => {
    const { client, froms } = clientOf({ A: [...older, entry('after', { confirmed: true, block_height: 30, block_hash: 'b30', block_time: 1 })] });
    const l = await fetchListing(client, 'regtest', GENESIS, 3, { txid: 'f', at, hosts: ['A'], tx: paying(0, 4) });
    expect(froms).toEqual([undefined]);
    expect(l.txids).toEqual(['f', 'after', 't1']);
    expect(l.hosts?.indexedTo).toBeUndefined();
    const listedToo = clientOf({ A: [entry('f', { confirmed: true, block_height: 20, block_hash: 'b20', block_time: 1 }), ...older] });
    expect((await fetchListing(listedToo.client, 'regtest', GENESIS, 0, { txid: 'f', at, hosts: ['A'], tx: paying(3) })).txids).toEqual(['f', 't1']);
  });
});

describe('the markers a month with month outpoints is discovered from (§2.4)', () => {
  it('month 0\'s and the month\'s own at full depth, the month\'s own at quick depth: the month before is found by its final\'s transaction', () => {
    expect(markerMonths(5, 'full', true)).toEqual([0, 5]);
    expect(markerMonths(5, 'quick', true)).toEqual([5]);
    expect(markerMonths(5, 'full', false)).toEqual([0, 4, 5]);
  });
});

describe('what a listing keeps of each host\'s entries', () => {
  it('an entry not confirmed is listed without a place, even when it names a block', async () => {
    const { client } = clientOf({ A: [entry('t1', { confirmed: false, block_height: 10, block_hash: 'b10' } as AddressTx['status']), entry('t2', { confirmed: true, block_height: 11, block_hash: 'b11', block_time: 1 })] });
    const l = await fetchListing(client, 'regtest', GENESIS, 1);
    expect(l.txids).toEqual(['t1', 't2']);
    expect([...l.confirmed]).toEqual([['t2', { height: 11, hash: 'b11' }]]);
  });

  it('when no host answers, the failure names the month\'s marker', async () => {
    const e = await fetchListing(clientOf({ A: new VerifyError('FETCH_TIMEOUT', 'slow'), B: new VerifyError('FETCH_TIMEOUT', 'slow') }).client, 'regtest', GENESIS, 4).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'FETCH_ALL_HOSTS_FAILED', message: 'no host could list month 4\'s marker' });
  });

  it('one host failing while another answers is no failure: the answering host\'s listing is kept', async () => {
    const { client } = clientOf({ A: new VerifyError('FETCH_TIMEOUT', 'slow'), B: [entry('t2', { confirmed: true, block_height: 11, block_hash: 'b11', block_time: 1 })] });
    const l = await fetchListing(client, 'regtest', GENESIS, 1);
    expect(l.txids).toEqual(['t2']);
    expect(l.hosts?.failures.size).toBe(1);
  });
});
