import { describe, expect, it } from 'vitest';
import { errorOf } from '../errors.test-util';
import type { AllocationTable } from '../table/allocation';
import type { InputsTable } from '../table/inputs';
import { monthInput } from './month-input';

const START = 202601;

function inputs(userIds: string[], extra: Partial<InputsTable> = {}): InputsTable {
  const n = userIds.length;
  return {
    rows: n, userIds,
    dateOfBirth: Int32Array.from(userIds, (_, i) => 19600101 + i * 10000),
    sex: Int32Array.from(userIds, (_, i) => i % 2),
    geography: Int32Array.from(userIds, (_, i) => i),
    depositAddress: userIds.map(() => 'bcrt1qaddress'),
    deposit: BigInt64Array.from(userIds, (_, i) => BigInt(i) * 1000n),
    alive: Uint8Array.from(userIds, (_, i) => (i === 1 ? 0 : 1)),
    totalDeposit: 0n,
    ...extra,
  };
}

function previous(userIds: string[], allocations: bigint[]): AllocationTable {
  return { rows: userIds.length, userIds, allocations: BigInt64Array.from(allocations), total: 0n };
}

const mortality = () => ({ geographies: 3, rates: Uint32Array.of(1, 2, 3) });

describe('the allocation program\'s input for a month', () => {
  it('carries the inputs table column by column, last month\'s allocations by row, and the month\'s reference date', () => {
    const m = mortality();
    const x = monthInput(START, 3, previous(['drey:reserve', 'a'], [5n, 7n]), inputs(['drey:reserve', 'a', 'b']), m);
    expect(x.referenceDate).toBe(20260301);
    expect(x.previous).toEqual(BigUint64Array.of(5n, 7n));
    expect(x.alive).toEqual(Uint8Array.of(1, 0, 1));
    expect(x.deposit).toEqual(BigUint64Array.of(0n, 1000n, 2000n));
    expect(x.dob).toEqual(Uint32Array.of(19600101, 19610101, 19620101));
    expect(x.sex).toEqual(Uint8Array.of(0, 1, 0));
    expect(x.geography).toEqual(Uint16Array.of(0, 1, 2));
    expect(x.mortality).toEqual({ geographies: 3, rates: m.rates });
  });

  it('has no previous allocations in the first month', () => {
    const x = monthInput(START, 1, undefined, inputs(['drey:reserve', 'a']), mortality());
    expect(x.referenceDate).toBe(20260101);
    expect(x.previous).toEqual(new BigUint64Array(0));
  });

  it('reads 64-bit columns as unsigned words, as the program does', () => {
    const x = monthInput(START, 2, previous(['drey:reserve'], [-1n]), inputs(['drey:reserve'], { deposit: BigInt64Array.of(-2n), dateOfBirth: Int32Array.of(-1) }), mortality());
    expect(x.previous).toEqual(BigUint64Array.of(2n ** 64n - 1n));
    expect(x.deposit).toEqual(BigUint64Array.of(2n ** 64n - 2n));
    expect(x.dob).toEqual(Uint32Array.of(2 ** 32 - 1));
  });

  it('accepts an inputs table with exactly last month\'s rows', () => {
    const x = monthInput(START, 2, previous(['drey:reserve', 'a'], [1n, 2n]), inputs(['drey:reserve', 'a']), mortality());
    expect(x.previous).toEqual(BigUint64Array.of(1n, 2n));
  });
});

describe('when the inputs do not keep last month\'s rows in place', () => {
  it('is TABLE_ROW_ORDER when the inputs have fewer rows than last month\'s table', () => {
    const e = errorOf(() => monthInput(START, 2, previous(['drey:reserve', 'a', 'b'], [1n, 2n, 3n]), inputs(['drey:reserve', 'a']), mortality()));
    expect(e.code).toBe('TABLE_ROW_ORDER');
    expect(e.evidence).toEqual({ inputs: 2, previous: 3 });
  });

  it('is TABLE_ROW_ORDER naming the first row whose user moved', () => {
    const e = errorOf(() => monthInput(START, 2, previous(['drey:reserve', 'a', 'b'], [1n, 2n, 3n]), inputs(['drey:reserve', 'b', 'a', 'c']), mortality()));
    expect(e.code).toBe('TABLE_ROW_ORDER');
    expect(e.evidence).toEqual({ row: 1 });
  });
});
