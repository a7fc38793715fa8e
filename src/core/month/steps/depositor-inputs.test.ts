import { describe, expect, it } from 'vitest';
import { computeMonth } from '../../program/reference';
import type { AllocationTable } from '../../table/allocation';
import type { InputsTable } from '../../table/inputs';
import { depositorInputs } from './depositor-inputs';
import type { MonthNumbers } from './program';
import type { MonthTables } from './tables';

/** Three rows: the reserve, a member alive with a deposit, a member who died; a fourth joins this month. */
const previous: AllocationTable = { rows: 3, userIds: ['drey:reserve', 'u-a', 'u-b'], allocations: BigInt64Array.from([5n, 1_000_000n, 400_000n]), total: 1_400_005n };
const inputs: InputsTable = {
  rows: 4, userIds: ['drey:reserve', 'u-a', 'u-b', 'u-new'], dateOfBirth: Int32Array.from([0, 19560315, 19400101, 19900620]),
  sex: Int32Array.from([0, 1, 0, 0]), geography: Int32Array.from([0, 0, 0, 0]), depositAddress: ['', 'x', 'y', 'z'],
  deposit: BigInt64Array.from([0n, 10_000n, 0n, 50_000n]), alive: Uint8Array.from([1, 1, 0, 1]), totalDeposit: 60_000n,
};
const rates = new Uint32Array(2 * 121).fill(2_000_000);
const reference = computeMonth({
  referenceDate: 20260101, previous: BigUint64Array.from([5n, 1_000_000n, 400_000n]), alive: inputs.alive, deposit: BigUint64Array.from([0n, 10_000n, 0n, 50_000n]),
  dob: Uint32Array.from(inputs.dateOfBirth), sex: Uint8Array.from(inputs.sex), geography: Uint16Array.from(inputs.geography), mortality: { geographies: 1, rates },
});
const tables: MonthTables = { previous, inputs: { table: inputs, sha256: 'ab'.repeat(32), parts: [] } };
/** The month's numbers as the program gives them (here the reference computation stands in for its run). */
const numbers: MonthNumbers = { q: reference.q, allocations: reference.newAllocations, w: reference.w, share: reference.share, F: reference.F, W: reference.W, R: reference.R };
const START = 202601;

describe('a depositor alive this month', () => {
  it('has last month’s allocation, the deposit, the rate for their age, and a share whose sum is their new allocation', () => {
    const i = depositorInputs(1, tables, numbers, START, 1)!;
    expect(i).toMatchObject({ previous: '1000000', isNew: false, alive: true, deposit: '10000', q: 2_000_000, age: 69, sex: 1, reserve: false });
    expect(BigInt(i.previous) + BigInt(i.deposit) + BigInt(i.share)).toBe(reference.newAllocations[1]);
    expect(i.weight).toBe(((1_000_000n * 2_000_000n) / (1_000_000_000n - 2_000_000n)).toString());
    expect(i.F).toBe('400000');
  });
});

describe('a member who died this month', () => {
  it('has no weight and no share: their allocation is the forfeiture', () => {
    expect(depositorInputs(2, tables, numbers, START, 1)).toMatchObject({ alive: false, weight: '0', share: '0', previous: '400000' });
  });
});

describe('a member who joined this month', () => {
  it('starts from nothing', () => {
    expect(depositorInputs(3, tables, numbers, START, 1)).toMatchObject({ isNew: true, previous: '0', deposit: '50000' });
  });
});

describe('the reserve row', () => {
  it('has no age and also receives the rounding remainder', () => {
    const i = depositorInputs(0, tables, numbers, START, 1)!;
    expect(i).toMatchObject({ reserve: true, age: null, q: 0 });
    expect(BigInt(i.previous) + BigInt(i.deposit) + BigInt(i.share) + BigInt(i.R)).toBe(reference.newAllocations[0]);
  });
});

describe('when the month’s tables could not be read', () => {
  it('has no inputs to show', () => {
    expect(depositorInputs(1, undefined, numbers, START, 1)).toBeUndefined();
    expect(depositorInputs(1, { previous }, numbers, START, 1)).toBeUndefined();
    expect(depositorInputs(9, tables, numbers, START, 1)).toBeUndefined();
    expect(depositorInputs(1, tables, undefined, START, 1)).toBeUndefined();
    expect(depositorInputs(1, { ...tables, previous: undefined }, numbers, START, 1)).toBeUndefined();
  });
});

describe('a row outside the month\'s inputs table', () => {
  it('has no inputs: below 0, or at or past the table\'s rows; the last row has them', () => {
    expect(depositorInputs(-1, tables, numbers, START, 1)).toBeUndefined();
    expect(depositorInputs(inputs.rows, tables, numbers, START, 1)).toBeUndefined();
    expect(depositorInputs(inputs.rows - 1, tables, numbers, START, 1)).toMatchObject({ isNew: true });
  });
});

describe('the first row past last month\'s table', () => {
  it('is new and starts from nothing, however last month\'s allocations array runs on; the row before it is not', () => {
    const longer: MonthTables = { ...tables, previous: { ...previous, allocations: BigInt64Array.from([5n, 1_000_000n, 400_000n, 777n]) } };
    expect(depositorInputs(3, longer, numbers, START, 1)).toMatchObject({ isNew: true, previous: '0' });
    expect(depositorInputs(2, longer, numbers, START, 1)).toMatchObject({ isNew: false, previous: '400000' });
  });
  it('when last month has no table (month 1), or an empty one, every row is new', () => {
    const empty: MonthTables = { ...tables, previous: { rows: 0, userIds: [], allocations: new BigInt64Array(), total: 0n } };
    expect(depositorInputs(1, empty, numbers, START, 1)).toMatchObject({ isNew: true, previous: '0' });
    expect(depositorInputs(1, { ...tables, previous: null }, numbers, START, 1)).toMatchObject({ isNew: true, previous: '0' });
  });
});

describe('a depositor outside geography 0', () => {
  it('has their own geography and sex', () => {
    const elsewhere: MonthTables = { ...tables, inputs: { ...tables.inputs!, table: { ...inputs, geography: Int32Array.from([0, 3, 0, 0]) } } };
    expect(depositorInputs(1, elsewhere, numbers, START, 1)).toMatchObject({ geography: 3, sex: 1 });
  });
});
