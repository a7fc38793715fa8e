import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../errors';
import type { MessageRecord } from '../records';
import { fullMonth } from './recorded.test-util';
import { verifyRoots, type RootsInput } from './roots';
import { once } from '../../once.test-util';

/** The recorded month carried through the steps and what these tests derive from it; loaded inside the tests, once. */
async function derive() {
  const m = await fullMonth();
  const read = m.finalTable;
  if ('error' in read) throw read.error;
  const leadBatchRoots = m.judgement.leadPublics?.map((b) => b.newBatchRoot);
  const input = (extra: Partial<RootsInput> = {}): RootsInput => ({
    depth: 'full', month: m.month, batchSize: m.genesis.params.batch_size, final: m.final, finalTable: read, programTable: m.numbers.table,
    previous: m.signed.previous, ...extra,
  });
  const codes = (r: { checks: { code: string }[] }) => r.checks.map((c) => c.code);
  const withPayload = (f: MessageRecord<'final'>, p: Partial<MessageRecord<'final'>['payload']>): MessageRecord<'final'> => ({ ...f, payload: { ...f.payload, ...p } });
  return { m, read, leadBatchRoots, input, codes, withPayload };
}
const load = once(derive);

describe('when the final table hashes to the final\'s root and the month log grows by this month', () => {
  it('passes the root and the log', async () => {
    const { input, codes } = await load();
    expect(codes(verifyRoots(input()))).toEqual(['OK', 'OK']);
  });
});

describe('when the final names another root', () => {
  it('fails with MERKLE_ROOT_MISMATCH (and the log does not include it either)', async () => {
    const { m, input, codes, withPayload } = await load();
    expect(codes(verifyRoots(input({ final: withPayload(m.final, { root: '00'.repeat(32) }) })))).toEqual(['MERKLE_ROOT_MISMATCH', 'MERKLE_INCLUSION_MISMATCH']);
  });
});

describe('when the final\'s table is the program\'s', () => {
  it('takes the program\'s root instead of hashing the rows again, and says so', async () => {
    const { input, codes } = await load();
    const r = verifyRoots(input());
    expect(r.checks[0]?.message).toMatch(/the final's table is the program's/);
    const hashed = verifyRoots(input({ programTable: undefined }));
    expect(codes(hashed)).toEqual(['OK', 'OK']);
    expect(hashed.checks[0]?.message).not.toMatch(/program/);
  });
  it('a program table with another hash or root is not taken: the rows are hashed', async () => {
    const { m, input, codes, withPayload } = await load();
    const t = m.numbers.table!;
    const other = verifyRoots(input({ programTable: { sha256: '00'.repeat(32), root: t.root } }));
    expect(other.checks[0]?.message).not.toMatch(/program/);
    const wrongRoot = verifyRoots(input({ final: withPayload(m.final, { root: '00'.repeat(32) }) }));
    expect(codes(wrongRoot)[0]).toBe('MERKLE_ROOT_MISMATCH');
  });
  it('a final table whose rows do not hash to the final\'s root fails, whatever the program says', async () => {
    const { read, input, codes } = await load();
    const moved = { ...read, table: { ...read.table, allocations: read.table.allocations.map((a, i) => (i === 0 ? a + 1n : i === 1 ? a - 1n : a)) } };
    expect(codes(verifyRoots(input({ finalTable: moved, programTable: undefined })))).toEqual(['MERKLE_ROOT_MISMATCH', 'OK']);
  });
});

describe('when the month it starts from has no timely final', () => {
  it('fails with MERKLE_PREVIOUS_MISSING: the previous log head is unknown', async () => {
    const { input, codes } = await load();
    expect(codes(verifyRoots(input({ previous: { month: 1 } })))).toEqual(['OK', 'MERKLE_PREVIOUS_MISSING']);
  });
  it('a log that does not grow from the previous head fails (MERKLE_LOG_SIZE)', async () => {
    const { input, codes } = await load();
    expect(codes(verifyRoots(input({ previous: { month: 0 } })))).toEqual(['OK', 'MERKLE_LOG_SIZE']);
  });
});

describe('when the final table is not the lead\'s', () => {
  it('reports TABLE_HASH_MISMATCH after the root, and goes on with the log', async () => {
    const { read, input, codes } = await load();
    const notLeads = { ...read, notLeads: new VerifyError('TABLE_HASH_MISMATCH', 'another table') };
    expect(codes(verifyRoots(input({ finalTable: notLeads })))).toEqual(['OK', 'TABLE_HASH_MISMATCH', 'OK']);
  });
  it('a table that cannot be read fails here too', async () => {
    const { input, codes } = await load();
    expect(codes(verifyRoots(input({ finalTable: { error: new VerifyError('TABLE_PART_HASH', 'x') } })))).toEqual(['TABLE_PART_HASH']);
  });
});

describe('when a depositor checks their row (quick depth)', () => {
  it('their batch hashes to the proven batch root and its path leads to the month root', async () => {
    const { read, leadBatchRoots, input, codes } = await load();
    const user = read.table.userIds.at(-1);
    const r = verifyRoots(input({ depth: 'quick', user, leadBatchRoots }));
    expect(codes(r)).toEqual(['OK']);
    expect(r.value?.allocation).toMatchObject({ user, row: read.table.rows - 1 });
  });
  it('their evidence carries their inputs, whose formula gives the proven allocation', async () => {
    const { m, read, leadBatchRoots, input } = await load();
    const quick = (u: string | undefined) => verifyRoots(input({ depth: 'quick', user: u, leadBatchRoots, tables: m.tables, numbers: m.numbers, startMonth: m.genesis.params.start_month })).value?.allocation;
    let alive = 0;
    for (const u of read.table.userIds.slice(0, 40)) {
      const a = quick(u);
      const i = a?.inputs;
      if (!a || !i) throw new Error(`no inputs for ${u}`);
      const expected = i.alive ? BigInt(i.previous) + BigInt(i.deposit) + BigInt(i.share) + (i.reserve ? BigInt(i.R) : 0n) : 0n;
      expect(BigInt(a.allocation), u).toBe(expected);
      if (i.alive && !i.reserve) alive++;
    }
    expect(alive).toBeGreaterThan(read.table.rows / 2);
  });
  it('an id that is not among the rows is said to be so, in a passed check: never a failure of the month', async () => {
    const { read, leadBatchRoots, input, codes } = await load();
    const r = verifyRoots(input({ depth: 'quick', user: 'u-nobody', leadBatchRoots }));
    expect(codes(r)).toEqual(['OK']);
    expect(r.value).toEqual({ notInTable: { user: 'u-nobody', rows: read.table.rows } });
    expect(r.checks[0]?.evidence).toMatchObject({ reason: 'MERKLE_USER_NOT_FOUND', rows: read.table.rows, table: read.sha256 });
  });
  it('fails with MERKLE_BATCH_ROOT_MISMATCH when the proven batch root is another', async () => {
    const { read, leadBatchRoots, input, codes } = await load();
    const user = read.table.userIds.at(-1);
    const other = leadBatchRoots?.map((r: bigint, i: number) => (i === read.table.rows - 1 ? r + 1n : r));
    expect(codes(verifyRoots(input({ depth: 'quick', user, leadBatchRoots: other })))).toEqual(['MERKLE_BATCH_ROOT_MISMATCH']);
  });
  it('checks nothing without a depositor or proven batch roots', async () => {
    const { read, leadBatchRoots, input } = await load();
    const user = read.table.userIds.at(-1);
    expect(verifyRoots(input({ depth: 'quick', leadBatchRoots }))).toEqual({ checks: [] });
    expect(verifyRoots(input({ depth: 'quick', user }))).toEqual({ checks: [] });
  });
});

describe('what the roots checks name (full depth)', () => {
  it('the root check names the root, the row count and the batch size; the log check the new head and the previous one', async () => {
    const { m, read, input } = await load();
    const r = verifyRoots(input());
    const log = m.final.payload.log;
    const head = m.signed.previous.final?.payload.log;
    expect(r.checks).toMatchObject([
      { ok: true, step: 'roots', evidence: { root: m.final.payload.root, rows: read.table.rows, batchSize: m.genesis.params.batch_size } },
      { ok: true, step: 'roots', evidence: { size: log.size, root: log.root, previous: head ? { size: head.size, root: head.root } : null } },
    ]);
    expect(r.checks[1]?.message).toContain(`to ${log.size}`);
  });

  it('a missing previous final names the month it belongs to', async () => {
    const { input } = await load();
    expect(verifyRoots(input({ previous: { month: 1 } })).checks[1]).toMatchObject({ ok: false, step: 'roots', code: 'MERKLE_PREVIOUS_MISSING', evidence: { month: 1 } });
  });
});

describe('the step the roots failures are reported under', () => {
  it('is roots for a log that does not grow, a table that is not the lead\'s and a table that cannot be read', async () => {
    const { read, input } = await load();
    expect(verifyRoots(input({ previous: { month: 0 } })).checks[1]).toMatchObject({ ok: false, step: 'roots', code: 'MERKLE_LOG_SIZE' });
    const notLeads = { ...read, notLeads: new VerifyError('TABLE_HASH_MISMATCH', 'another table') };
    expect(verifyRoots(input({ finalTable: notLeads })).checks[1]).toMatchObject({ ok: false, step: 'roots', code: 'TABLE_HASH_MISMATCH' });
    expect(verifyRoots(input({ finalTable: { error: new VerifyError('TABLE_PART_HASH', 'x') } })).checks).toMatchObject([{ ok: false, step: 'roots', code: 'TABLE_PART_HASH' }]);
  });
});

describe('a depositor\'s inputs at quick depth', () => {
  it('are left out without the genesis\' start month, even with the month\'s tables', async () => {
    const { m, read, leadBatchRoots, input } = await load();
    const user = read.table.userIds.at(-1);
    const r = verifyRoots(input({ depth: 'quick', user, leadBatchRoots, tables: m.tables, numbers: m.numbers }));
    expect(r.checks.map((c) => c.code)).toEqual(['OK']);
    expect(r.value?.allocation).toMatchObject({ user });
    expect(r.value?.allocation).not.toHaveProperty('inputs');
  });
});
