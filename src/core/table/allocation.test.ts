import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../bytes';
import { type AllocationRow } from './allocation';
import { MAX_AMOUNT, RESERVE_USER_ID } from './limits';
import { sampleAllocationRows } from './sample-rows';
import { parseTable, writeTable } from './table-file';
import { ALLOCATION } from './allocation';

const ROWS = sampleAllocationRows(1_000);

function withRow(row: number, change: Partial<AllocationRow>): AllocationRow[] {
  const rows = ROWS.map((r) => ({ ...r }));
  rows[row] = { ...rows[row]!, ...change };
  return rows;
}

describe('when an allocation table is written and read back', () => {
  it('gives the same rows, in order, with bigint allocations and their total', async () => {
    const table = await parseTable(ALLOCATION, writeTable(ALLOCATION, ROWS));
    expect(table.rows).toBe(ROWS.length);
    expect(table.userIds).toEqual(ROWS.map((r) => r.userId));
    expect(Array.from(table.allocations)).toEqual(ROWS.map((r) => r.allocation));
    expect(table.total).toBe(ROWS.reduce((s, r) => s + r.allocation, 0n));
  });

  it('gives the same bytes, hence the same sha256, every time', () => {
    const a = bytesToHex(sha256(writeTable(ALLOCATION, ROWS)));
    const b = bytesToHex(sha256(writeTable(ALLOCATION, ROWS.map((r) => ({ ...r })))));
    expect(a).toBe(b);
    expect(bytesToHex(sha256(writeTable(ALLOCATION, withRow(5, { allocation: ROWS[5]!.allocation + 1n }))))).not.toBe(a);
  });

  it('keeps user ids with multi-byte characters and quotes exactly', async () => {
    const ids = ['ünïcødé-名前', 'a,"b"', '=HYPERLINK("x")', '🙂'];
    const rows = [ROWS[0]!, ...ids.map((userId, i) => ({ userId, allocation: BigInt(i) }))];
    expect((await parseTable(ALLOCATION, writeTable(ALLOCATION, rows))).userIds.slice(1)).toEqual(ids);
  });

  it('accepts an allocation of 2^53 − 1', async () => {
    const rows = [{ userId: RESERVE_USER_ID, allocation: 0n }, { userId: 'x', allocation: MAX_AMOUNT - 1n }];
    expect((await parseTable(ALLOCATION, writeTable(ALLOCATION, rows))).total).toBe(MAX_AMOUNT - 1n);
  });
});

describe('when a user id is repeated', () => {
  it('rejects the table and names both rows', async () => {
    const bytes = writeTable(ALLOCATION, withRow(700, { userId: ROWS[12]!.userId }));
    await expect(parseTable(ALLOCATION, bytes)).rejects.toMatchObject({ code: 'TABLE_DUPLICATE_USER', evidence: { row: 700, firstRow: 12 } });
  });
});

describe('when the reserve row is wrong', () => {
  it('rejects a table whose row 0 is a member', async () => {
    await expect(parseTable(ALLOCATION, writeTable(ALLOCATION, ROWS.slice(1)))).rejects.toMatchObject({ code: 'TABLE_RESERVE_ROW', evidence: { row: 0 } });
  });

  it('rejects a member id in the reserved drey: namespace', async () => {
    await expect(parseTable(ALLOCATION, writeTable(ALLOCATION, withRow(3, { userId: 'drey:fees' })))).rejects.toMatchObject({ code: 'TABLE_RESERVE_ROW', evidence: { row: 3 } });
  });
});

describe('when a value is out of range', () => {
  const cases: [string, Partial<AllocationRow>][] = [
    ['a negative allocation', { allocation: -1n }],
    ['an allocation of 2^53', { allocation: MAX_AMOUNT }],
    ['an empty user id', { userId: '' }],
    ['a 65-byte user id', { userId: 'x'.repeat(65) }],
    ['a 64-byte id of 2-byte characters plus one', { userId: 'é'.repeat(32) + 'x' }],
    ['a user id with a newline', { userId: 'a\nb' }],
    ['a user id with a bidi override', { userId: 'abc\u202edef' }],
  ];
  it.each(cases)('rejects %s as TABLE_RANGE at its row', async (_, change) => {
    await expect(parseTable(ALLOCATION, writeTable(ALLOCATION, withRow(9, change)))).rejects.toMatchObject({ code: 'TABLE_RANGE', evidence: { row: 9 } });
  });

  it('rejects allocations whose sum reaches 2^53', async () => {
    const half = MAX_AMOUNT / 2n;
    const rows = [{ userId: RESERVE_USER_ID, allocation: half }, { userId: 'a', allocation: half }];
    await expect(parseTable(ALLOCATION, writeTable(ALLOCATION, rows))).rejects.toMatchObject({ code: 'TABLE_RANGE', evidence: { column: 'allocation' } });
  });

  it('accepts a 64-byte id of 2-byte characters', async () => {
    expect((await parseTable(ALLOCATION, writeTable(ALLOCATION, withRow(9, { userId: 'é'.repeat(32) })))).userIds[9]).toBe('é'.repeat(32));
  });
});
