import { describe, expect, it } from 'vitest';
import { allocationCommitments } from '../../commit/batch-commitments';
import { monthRoot } from '../../commit/batches';
import { userIdField } from '../../commit/user-id';
import type { AllocationTable } from '../../table/allocation';
import type { MessageRecord } from '../records';
import { verifyDepositor, verifyLog, verifyRoots, verifyTableRoot } from './roots';
import { bytesToHex, hexToBytes } from '../../bytes';
import { monthLogLeafHash } from '../../protocol/month-log';

/** Eleven rows in batches of four (three batches, the last one short), hashed as the commitments hash them. */
const B = 4;
const MONTH = 4;
const table: AllocationTable = {
  rows: 11, userIds: ['drey:reserve', ...Array.from({ length: 10 }, (_, i) => `u-${i + 1}`)],
  allocations: BigInt64Array.from([5n, ...Array.from({ length: 10 }, (_, i) => BigInt(100 * (i + 1)))]), total: 5505n,
};
const batchRoots = (t: AllocationTable = table) => allocationCommitments(MONTH, t.userIds.map((u, i) => ({ uid: userIdField(u), allocation: t.allocations[i]! })), B);
const hex = (x: bigint) => x.toString(16).padStart(64, '0');
const ROOT = () => hex(monthRoot(batchRoots()));

describe('a depositor\'s row in a table of several batches (quick depth)', () => {
  it('every row is found in its batch (row ÷ batch size), and its path leads to the month root', () => {
    for (let row = 0; row < table.rows; row++) {
      const user = table.userIds[row]!;
      const d = verifyDepositor(MONTH, table, B, ROOT(), batchRoots(), user);
      expect(d.check.code, user).toBe('OK');
      expect(d.check.evidence).toEqual({ row, batch: Math.floor(row / B), root: ROOT() });
      expect(d.allocation).toMatchObject({ user, row, allocation: table.allocations[row]!.toString(), batchIndex: Math.floor(row / B) });
    }
  });

  it('a row in a batch the proofs do not have: MERKLE_BATCH_ROOT_MISMATCH naming the row, its batch and the batch count', () => {
    const d = verifyDepositor(MONTH, table, B, ROOT(), batchRoots().slice(0, 2), 'u-8');
    expect(d.check).toMatchObject({ ok: false, code: 'MERKLE_BATCH_ROOT_MISMATCH', evidence: { row: 8, batch: 2, batches: 2 } });
    expect(verifyDepositor(MONTH, table, B, ROOT(), batchRoots().slice(0, 2), 'u-7').check.code).toBe('MERKLE_ROOT_MISMATCH');
  });

  it('a batch that does not hash to its proven root, and a path that does not lead to the month root, fail with their evidence', () => {
    const roots = batchRoots();
    const other = roots.map((r, i) => (i === 1 ? r + 1n : r));
    expect(verifyDepositor(MONTH, table, B, ROOT(), other, 'u-4').check).toMatchObject({ code: 'MERKLE_BATCH_ROOT_MISMATCH', evidence: { batch: 1, computed: roots[1]!.toString(), proven: (roots[1]! + 1n).toString() } });
    const d = verifyDepositor(MONTH, table, B, '00'.repeat(32), roots, 'u-4');
    expect(d.check).toMatchObject({ code: 'MERKLE_ROOT_MISMATCH', evidence: { computed: ROOT(), expected: '00'.repeat(32), row: 4 } });
    expect(d.allocation).toBeUndefined();
  });

  it('a depositor not in the table: their id and the row count, the table named when its hash is known', () => {
    const d = verifyDepositor(MONTH, { ...table, sha256: 'ab'.repeat(32) }, B, ROOT(), batchRoots(), 'u-nobody');
    expect(d).toMatchObject({ check: { ok: true, evidence: { reason: 'MERKLE_USER_NOT_FOUND', rows: 11, table: 'ab'.repeat(32) } }, notInTable: { user: 'u-nobody', rows: 11 } });
    expect(verifyDepositor(MONTH, table, B, ROOT(), batchRoots(), 'u-nobody').check.evidence).toEqual({ reason: 'MERKLE_USER_NOT_FOUND', rows: 11 });
  });
});

describe('the whole table hashed to the month root (full depth)', () => {
  it('passes with the root, the row count and the batch size; a moved allocation fails with both roots', () => {
    expect(verifyTableRoot(MONTH, table, B, ROOT())).toMatchObject({ ok: true, evidence: { root: ROOT(), rows: 11, batchSize: B } });
    const moved = { ...table, allocations: table.allocations.map((a, i) => (i === 1 ? a + 1n : i === 2 ? a - 1n : a)) };
    expect(verifyTableRoot(MONTH, moved, B, ROOT())).toMatchObject({ ok: false, code: 'MERKLE_ROOT_MISMATCH', evidence: { computed: hex(monthRoot(batchRoots(moved))), final: ROOT(), rows: 11 } });
  });
});

describe('a month without a final, or without its table', () => {
  it('has no roots to check', () => {
    const base = { depth: 'full' as const, month: MONTH, batchSize: B, previous: { month: 0 } };
    expect(verifyRoots(base)).toEqual({ checks: [] });
    expect(verifyRoots({ ...base, final: {} as MessageRecord<'final'> })).toEqual({ checks: [] });
    expect(verifyRoots({ ...base, finalTable: { table, sha256: '', parts: [] } })).toEqual({ checks: [] });
  });
});

describe('the roots step at quick depth on a table of several batches', () => {
  const final = { payload: { root: ROOT() } } as unknown as MessageRecord<'final'>;
  const quick = (user: string, leadBatchRoots: readonly bigint[]) => verifyRoots({ depth: 'quick', month: MONTH, batchSize: B, final, finalTable: { table, sha256: 'ab'.repeat(32), parts: [] }, previous: { month: 0 }, user, leadBatchRoots, startMonth: 202601 });
  it('a row that verifies is the depositor\'s allocation (no inputs without the month\'s tables)', () => {
    const r = quick('u-5', batchRoots());
    expect(r.checks.map((c) => c.code)).toEqual(['OK']);
    expect(r.value).toEqual({ allocation: expect.objectContaining({ user: 'u-5', row: 5, batchIndex: 1 }) });
    expect(r.value?.allocation).not.toHaveProperty('inputs');
  });
  it('a row that does not verify gives the failed check and no allocation', () => {
    const r = quick('u-5', batchRoots().map((x) => x + 1n));
    expect(r.checks.map((c) => c.code)).toEqual(['MERKLE_BATCH_ROOT_MISMATCH']);
    expect(r).not.toHaveProperty('value');
  });
});

describe('the roots checks\' step', () => {
  it('is roots for the table\'s root, a depositor\'s row, an id not in the table and a row that fails', () => {
    const checks = [
      verifyTableRoot(MONTH, table, B, ROOT()), verifyTableRoot(MONTH, table, B, '00'.repeat(32)),
      verifyDepositor(MONTH, table, B, ROOT(), batchRoots(), 'u-4').check, verifyDepositor(MONTH, table, B, ROOT(), batchRoots(), 'u-nobody').check,
      verifyDepositor(MONTH, table, B, '00'.repeat(32), batchRoots(), 'u-4').check,
    ];
    expect(checks.map((c) => c.step)).toEqual(['roots', 'roots', 'roots', 'roots', 'roots']);
  });
});

describe('a computed root whose first hex digit is 0', () => {
  /** The table with row 1's allocation raised until the month root's first hex digit is 0 (one in sixteen). */
  const zeroLed = (): AllocationTable => {
    for (let k = 0n; ; k++) {
      const t = { ...table, allocations: table.allocations.map((a, i) => (i === 1 ? a + k : a)) };
      if (monthRoot(batchRoots(t)) < 1n << 252n) return t;
    }
  };

  it('is named in full, 64 hex digits, when it is not the final\'s or the expected root', () => {
    const t = zeroLed();
    const computed = hex(monthRoot(batchRoots(t)));
    expect(computed.startsWith('0')).toBe(true);
    expect(verifyTableRoot(MONTH, t, B, ROOT()).evidence).toMatchObject({ computed });
    expect(verifyDepositor(MONTH, t, B, '00'.repeat(32), batchRoots(t), 'u-4').check.evidence).toMatchObject({ computed });
  });
});

describe('the month log of the first month', () => {
  it('starts from no head: one leaf, this month\'s, with empty proofs', () => {
    const root = ROOT();
    const leaf = bytesToHex(monthLogLeafHash({ month: 1, root: hexToBytes(root) }));
    const check = verifyLog(undefined, { size: 1, root: leaf, consistency: [], inclusion: [] }, 1, root);
    expect(check).toMatchObject({ ok: true, step: 'roots', evidence: { size: 1, root: leaf, previous: null } });
    expect(check.message).toContain('from 0 to 1');
  });
});
