import { describe, expect, it } from 'vitest';
import { type InputsRow } from './inputs';
import { sampleInputsRows } from './sample-rows';
import { parseTable, writeTable } from './table-file';
import { INPUTS } from './inputs';

const ROWS = sampleInputsRows(2_000);

function withRow(row: number, change: Partial<InputsRow>): InputsRow[] {
  const rows = ROWS.map((r) => ({ ...r }));
  rows[row] = { ...rows[row]!, ...change };
  return rows;
}

describe('when an inputs table is written and read back', () => {
  it('gives every column back in row order', async () => {
    const t = await parseTable(INPUTS, writeTable(INPUTS, ROWS));
    expect(t.rows).toBe(ROWS.length);
    expect(t.userIds).toEqual(ROWS.map((r) => r.userId));
    expect(Array.from(t.dateOfBirth)).toEqual(ROWS.map((r) => r.dateOfBirth));
    expect(Array.from(t.sex)).toEqual(ROWS.map((r) => r.sex));
    expect(Array.from(t.geography)).toEqual(ROWS.map((r) => r.geography));
    expect(t.depositAddress).toEqual(ROWS.map((r) => r.depositAddress));
    expect(Array.from(t.deposit)).toEqual(ROWS.map((r) => r.deposit));
    expect(Array.from(t.alive)).toEqual(ROWS.map((r) => (r.alive ? 1 : 0)));
    expect(t.totalDeposit).toBe(ROWS.reduce((s, r) => s + r.deposit, 0n));
    expect(ROWS.some((r) => !r.alive) && ROWS.some((r) => r.deposit > 0n)).toBe(true);
  });
});

describe('when a row is out of range', () => {
  const cases: [string, string, Partial<InputsRow>][] = [
    ['sex 2', 'sex', { sex: 2 }],
    ['sex −1', 'sex', { sex: -1 }],
    ['30 February', 'date_of_birth', { dateOfBirth: 19800230 }],
    ['month 13', 'date_of_birth', { dateOfBirth: 19801301 }],
    ['a year before 1850', 'date_of_birth', { dateOfBirth: 18491231 }],
    ['date 0', 'date_of_birth', { dateOfBirth: 0 }],
    ['geography 256', 'geography', { geography: 256 }],
    ['a negative geography', 'geography', { geography: -1 }],
    ['a negative deposit', 'deposit', { deposit: -5n }],
    ['a deposit of 2^53', 'deposit', { deposit: 2n ** 53n }],
    ['a deposit to a deceased member', 'deposit', { alive: false, deposit: 10n }],
    ['an address with a space', 'deposit_address', { depositAddress: 'bc1 q' }],
    ['a 91-character address', 'deposit_address', { depositAddress: 'b'.repeat(91) }],
  ];
  it.each(cases)('rejects %s as TABLE_RANGE in column %s', async (_, column, change) => {
    await expect(parseTable(INPUTS, writeTable(INPUTS, withRow(11, change)))).rejects.toMatchObject({ code: 'TABLE_RANGE', evidence: { row: 11, column } });
  });

  it('accepts 29 February of a leap year', async () => {
    expect((await parseTable(INPUTS, writeTable(INPUTS, withRow(11, { dateOfBirth: 20000229 })))).dateOfBirth[11]).toBe(20000229);
  });
});

describe('when the reserve row is not the fixed reserve row', () => {
  it.each([
    ['dead', { alive: false }],
    ['with a deposit', { deposit: 1n }],
    ['with a birth date', { dateOfBirth: 19700101 }],
  ] as [string, Partial<InputsRow>][])('rejects a reserve row %s', async (_, change) => {
    await expect(parseTable(INPUTS, writeTable(INPUTS, withRow(0, change)))).rejects.toMatchObject({ code: 'TABLE_RESERVE_ROW' });
  });
});

describe('when a user id is repeated', () => {
  it('rejects the table', async () => {
    await expect(parseTable(INPUTS, writeTable(INPUTS, withRow(1999, { userId: ROWS[1]!.userId })))).rejects.toMatchObject({ code: 'TABLE_DUPLICATE_USER', evidence: { row: 1999, firstRow: 1 } });
  });
});
