import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../errors';
import type { MessageRecord } from '../records';
import { fullMonth } from './recorded.test-util';
import { verifyRoots, type RootsInput } from './roots';

const m = await fullMonth();
const read = m.finalTable;
if ('error' in read) throw read.error;
const leadBatchRoots = m.proofs.leadPublics?.map((b) => b.newBatchRoot);
const input = (extra: Partial<RootsInput> = {}): RootsInput => ({
  depth: 'full', month: m.month, batchSize: m.genesis.params.batch_size, final: m.final, finalTable: read, programReadFinalTable: true,
  inputs: m.tables.inputs?.table, previous: m.signed.previous, ...extra,
});
const codes = (r: { checks: { code: string }[] }) => r.checks.map((c) => c.code);
const withPayload = (f: MessageRecord<'final'>, p: Partial<MessageRecord<'final'>['payload']>): MessageRecord<'final'> => ({ ...f, payload: { ...f.payload, ...p } });

describe('when the final table hashes to the final\'s root and the month log grows by this month', () => {
  it('passes the root and the log', () => {
    expect(codes(verifyRoots(input()))).toEqual(['OK', 'OK']);
  });
});

describe('when the final names another root', () => {
  it('fails with MERKLE_ROOT_MISMATCH (and the log does not include it either)', () => {
    expect(codes(verifyRoots(input({ final: withPayload(m.final, { root: '00'.repeat(32) }) })))).toEqual(['MERKLE_ROOT_MISMATCH', 'MERKLE_INCLUSION_MISMATCH']);
  });
});

describe('when the final table\'s rows are not the inputs\' rows', () => {
  it('fails with TABLE_ROW_ORDER', () => {
    const inputs = m.tables.inputs?.table;
    if (!inputs) throw new Error('no inputs');
    const swapped = { ...inputs, userIds: [inputs.userIds[0] ?? '', inputs.userIds[2] ?? '', inputs.userIds[1] ?? '', ...inputs.userIds.slice(3)] };
    expect(codes(verifyRoots(input({ inputs: swapped })))).toEqual(['TABLE_ROW_ORDER', 'OK', 'OK']);
  });
});

describe('when the month it starts from has no timely final', () => {
  it('fails with MERKLE_PREVIOUS_MISSING: the previous log head is unknown', () => {
    expect(codes(verifyRoots(input({ previous: { month: 1 } })))).toEqual(['OK', 'MERKLE_PREVIOUS_MISSING']);
  });
  it('a log that does not grow from the previous head fails (MERKLE_LOG_SIZE)', () => {
    expect(codes(verifyRoots(input({ previous: { month: 0 } })))).toEqual(['OK', 'MERKLE_LOG_SIZE']);
  });
});

describe('when the final table is not the lead\'s', () => {
  const notLeads = { ...read, notLeads: new VerifyError('TABLE_HASH_MISMATCH', 'another table') };
  it('roots reports TABLE_HASH_MISMATCH when the program did not read the table first', () => {
    expect(codes(verifyRoots(input({ finalTable: notLeads, programReadFinalTable: false })))).toEqual(['TABLE_HASH_MISMATCH']);
  });
  it('and goes on with the table when the program already reported it', () => {
    expect(codes(verifyRoots(input({ finalTable: notLeads })))).toEqual(['OK', 'OK']);
  });
  it('a table that cannot be read fails here too', () => {
    expect(codes(verifyRoots(input({ finalTable: { error: new VerifyError('TABLE_PART_HASH', 'x') } })))).toEqual(['TABLE_PART_HASH']);
  });
});

describe('when a depositor checks their row (quick depth)', () => {
  const user = read.table.userIds.at(-1);
  it('their batch hashes to the proven batch root and its path leads to the month root', () => {
    const r = verifyRoots(input({ depth: 'quick', user, leadBatchRoots }));
    expect(codes(r)).toEqual(['OK']);
    expect(r.value?.allocation).toMatchObject({ user, row: read.table.rows - 1 });
  });
  it('their evidence carries their inputs, whose formula gives the proven allocation', () => {
    const quick = (u: string | undefined) => verifyRoots(input({ depth: 'quick', user: u, leadBatchRoots, tables: m.tables, startMonth: m.genesis.params.start_month })).value?.allocation;
    let alive = 0;
    for (const u of read.table.userIds.slice(0, 40)) {
      const a = quick(u);
      const i = a?.inputs;
      if (!a || !i) throw new Error(`no inputs for ${u}`);
      const expected = i.alive ? BigInt(i.previous) + BigInt(i.deposit) + BigInt(i.share) + (i.reserve ? BigInt(i.R) : 0n) : 0n;
      expect(BigInt(a.allocation), u).toBe(expected);
      if (i.alive && !i.reserve) alive++;
    }
    expect(alive).toBeGreaterThan(10);
  });
  it('an id that is not among the rows is said to be so, in a passed check: never a failure of the month', () => {
    const r = verifyRoots(input({ depth: 'quick', user: 'u-nobody', leadBatchRoots }));
    expect(codes(r)).toEqual(['OK']);
    expect(r.value).toEqual({ notInTable: { user: 'u-nobody', rows: read.table.rows } });
    expect(r.checks[0]?.evidence).toMatchObject({ rows: read.table.rows, table: read.sha256 });
  });
  it('fails with MERKLE_BATCH_ROOT_MISMATCH when the proven batch root is another', () => {
    const other = leadBatchRoots?.map((r, i) => (i === read.table.rows - 1 ? r + 1n : r));
    expect(codes(verifyRoots(input({ depth: 'quick', user, leadBatchRoots: other })))).toEqual(['MERKLE_BATCH_ROOT_MISMATCH']);
  });
  it('checks nothing without a depositor or proven batch roots', () => {
    expect(verifyRoots(input({ depth: 'quick', leadBatchRoots }))).toEqual({ checks: [] });
    expect(verifyRoots(input({ depth: 'quick', user }))).toEqual({ checks: [] });
  });
});
