import { describe, expect, it } from 'vitest';
import { computeMonth } from '../../core/program/reference';
import { allocateMonth } from './allocation';
import { sampleMonth } from './sample-month';

/** The sample month as the reference program's columns: row i is i years old, and the table's rate at age i is q_i. */
function asReferenceInput(rowsCount: number) {
  const m = sampleMonth(rowsCount, 4);
  const rates = new Uint32Array(2 * 121);
  m.inputs.forEach((r, i) => { rates[i] = Number(r.q); });
  return {
    m,
    input: {
      referenceDate: 20250101,
      previous: BigUint64Array.from(m.prev.map((p) => p.allocation)),
      alive: Uint8Array.from(m.inputs.map((r) => (r.alive ? 1 : 0))),
      deposit: BigUint64Array.from(m.inputs.map((r) => r.deposit)),
      dob: Uint32Array.from(m.inputs.map((_, i) => (2025 - i) * 10000 + 101)),
      sex: new Uint8Array(m.inputs.length),
      geography: new Uint16Array(m.inputs.length),
      mortality: { geographies: 1, rates },
    },
  };
}

describe('when the circuit witness and the reference program allocate the same month', () => {
  for (const rows of [5, 7, 13, 40]) {
    it(`agrees on every row and on F, W, R (${rows} rows)`, () => {
      const { m, input } = asReferenceInput(rows);
      const ref = computeMonth(input);
      const mine = allocateMonth(m.prev.map((p) => p.allocation), m.inputs);
      expect([...ref.q].map(BigInt)).toEqual(m.inputs.map((r) => r.q));
      expect([...ref.w]).toEqual(mine.w);
      expect([...ref.share]).toEqual(mine.share);
      expect([...ref.newAllocations]).toEqual(mine.next);
      expect([ref.F, ref.W, ref.R]).toEqual([mine.F, mine.W, mine.R]);
      expect(mine.F).toBeGreaterThan(0n);
    });
  }
});

describe('when nobody has a weight but someone died', () => {
  it('gives all of F to the reserve row', () => {
    const m = sampleMonth(5, 4);
    const inputs = m.inputs.map((r) => ({ ...r, q: 0n }));
    const a = allocateMonth(m.prev.map((p) => p.allocation), inputs);
    expect(a.W).toBe(0n);
    expect(a.share.every((s) => s === 0n)).toBe(true);
    expect(a.R).toBe(a.F);
    expect(a.next[0]).toBe(m.prev[0]!.allocation + a.F);
  });
});
