import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { computeMonth } from './reference';
import { AGES, MAX_RATE, VALUE_LIMIT, type AllocationInput } from './types';

const REF = 20250301;

/** One geography; rate(age, sex) = rates.get(`${sex}:${age}`) or 0. */
function table(rates: Record<string, number> = {}, geographies = 1): AllocationInput['mortality'] {
  const t = new Uint32Array(geographies * 2 * AGES);
  for (const [key, q] of Object.entries(rates)) {
    const [g, sex, age] = key.split(':').map(Number) as [number, number, number];
    t[(g * 2 + sex) * AGES + age] = q;
  }
  return { geographies, rates: t };
}

interface Row { prev?: bigint; alive?: number; deposit?: bigint; dob?: number; sex?: number; geography?: number }

/** Row 0 is the reserve; rows are given after it. */
function month(rows: Row[], mortality = table(), referenceDate = REF, reservePrev = 0n): AllocationInput {
  const all: Row[] = [{ prev: reservePrev, alive: 1, dob: 19700101 }, ...rows];
  return {
    referenceDate,
    previous: BigUint64Array.from(all.map((r) => r.prev ?? 0n)),
    alive: Uint8Array.from(all.map((r) => r.alive ?? 1)),
    deposit: BigUint64Array.from(all.map((r) => r.deposit ?? 0n)),
    dob: Uint32Array.from(all.map((r) => r.dob ?? 19800615)),
    sex: Uint8Array.from(all.map((r) => r.sex ?? 0)),
    geography: Uint16Array.from(all.map((r) => r.geography ?? 0)),
    mortality,
  };
}

function codeOf(fn: () => unknown): { code: string; evidence: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof VerifyError) return { code: e.code, evidence: e.evidence };
    throw e;
  }
  throw new Error('expected a VerifyError');
}

const sum = (a: BigUint64Array): bigint => a.reduce((s, v) => s + v, 0n);

describe('when one member of three dies', () => {
  // A (age 44, female) q = 10%, B (age 54, male) q = 5%; C dies with 500.
  // w_A = ⌊1000·1e8/9e8⌋ = 111, w_B = ⌊2000·5e7/9.5e8⌋ = 105, W = 216, F = 500
  // s_A = ⌊500·111/216⌋ = 256, s_B = ⌊500·105/216⌋ = 243, R = 1.
  const input = month([
    { prev: 1000n, dob: 19800615 },
    { prev: 2000n, dob: 19700101, sex: 1 },
    { prev: 500n, alive: 0, dob: 19500101 },
  ], table({ '0:0:44': 100_000_000, '0:1:55': 50_000_000 }));

  it('weights, shares and the remainder follow the formula', () => {
    const out = computeMonth(input);
    expect(Array.from(out.q)).toEqual([0, 100_000_000, 50_000_000, 0]);
    expect(Array.from(out.w)).toEqual([0n, 111n, 105n, 0n]);
    expect([out.F, out.W, out.R]).toEqual([500n, 216n, 1n]);
    expect(Array.from(out.share)).toEqual([0n, 256n, 243n, 0n]);
    expect(Array.from(out.newAllocations)).toEqual([1n, 1256n, 2243n, 0n]);
  });
});

describe('when nobody dies', () => {
  it('survivors keep their allocation plus their deposit', () => {
    const out = computeMonth(month([{ prev: 10n, deposit: 5n }, { prev: 7n }], table({ '0:0:44': 1000 })));
    expect(out.F).toBe(0n);
    expect(Array.from(out.share)).toEqual([0n, 0n, 0n]);
    expect(Array.from(out.newAllocations)).toEqual([0n, 15n, 7n]);
  });
});

describe('when everyone but the reserve dies', () => {
  it('W is 0 and the reserve row receives all of F', () => {
    const out = computeMonth(month([{ prev: 10n, alive: 0 }, { prev: 32n, alive: 0 }], table({ '0:0:44': 1000 }), REF, 3n));
    expect([out.F, out.W, out.R]).toEqual([42n, 0n, 42n]);
    expect(Array.from(out.newAllocations)).toEqual([45n, 0n, 0n]);
  });
});

describe('when every rate is zero', () => {
  it('no survivor has weight and F goes to the reserve', () => {
    const out = computeMonth(month([{ prev: 10n }, { prev: 8n, alive: 0 }]));
    expect([out.F, out.W, out.R]).toEqual([8n, 0n, 8n]);
    expect(sum(out.newAllocations)).toBe(18n);
  });
});

describe('when a rate is exactly Q/2', () => {
  it('the weight equals the allocation', () => {
    const out = computeMonth(month([{ prev: 12345n }], table({ '0:0:44': MAX_RATE })));
    expect(out.w[1]).toBe(12345n);
  });
});

describe('when new members are appended', () => {
  it('rows past the previous table start from 0', () => {
    const input = month([{ prev: 100n }, { deposit: 50n }]);
    input.previous = input.previous.slice(0, 2);
    const out = computeMonth(input);
    expect(Array.from(out.newAllocations)).toEqual([0n, 100n, 50n]);
  });
});

describe('age from dates', () => {
  const rates = table({ '0:0:44': 1, '0:0:45': 2, '0:0:120': 3, '0:0:0': 4 });
  it('a birthday on the reference date counts the new year', () => {
    expect(computeMonth(month([{ dob: 19800301 }], rates)).q[1]).toBe(2);
    expect(computeMonth(month([{ dob: 19800302 }], rates)).q[1]).toBe(1);
  });
  it('ages above 120 use the 120 rate', () => {
    expect(computeMonth(month([{ dob: 18500101 }], rates)).q[1]).toBe(3);
  });
  it('a member born on the reference date is 0', () => {
    expect(computeMonth(month([{ dob: REF }], rates)).q[1]).toBe(4);
  });
  it('the geography and sex select the table slice', () => {
    const t = table({ '1:1:44': 77 }, 2);
    expect(computeMonth(month([{ geography: 1, sex: 1 }], t)).q[1]).toBe(77);
  });
});

describe('when the input is malformed', () => {
  const cases: [string, () => AllocationInput, string, unknown][] = [
    ['a date of birth does not exist', () => month([{ dob: 20230229 }]), 'PROGRAM_INPUT_DATE', { row: 1 }],
    ['a member is born after the reference date', () => month([{}, { dob: 20250302 }]), 'PROGRAM_INPUT_DATE', { row: 2 }],
    ['the reference date does not exist', () => month([{}], table(), 20251301), 'PROGRAM_INPUT_DATE', { row: -1 }],
    ['a rate exceeds Q/2', () => month([{}], table({ '0:1:7': MAX_RATE + 1 })), 'PROGRAM_INPUT_RATE', { entry: AGES + 7 }],
    ['a deceased member has a deposit', () => month([{ alive: 0, deposit: 1n }]), 'PROGRAM_INPUT_DECEASED_DEPOSIT', { row: 1 }],
    ['an allocation reaches 2^53', () => month([{ prev: VALUE_LIMIT }]), 'PROGRAM_INPUT_OVERFLOW', { row: 1 }],
    ['the running total reaches 2^53', () => month([{ prev: VALUE_LIMIT - 1n }, { deposit: 1n }]), 'PROGRAM_INPUT_OVERFLOW', { row: 2 }],
    ['sex is 2', () => month([{ sex: 2 }]), 'PROGRAM_INPUT_FIELD', { row: 1 }],
    ['a geography is outside the table', () => month([{ geography: 1 }]), 'PROGRAM_INPUT_FIELD', { row: 1 }],
    ['alive is 2', () => month([{ alive: 2 }]), 'PROGRAM_INPUT_FIELD', { row: 1 }],
    ['the reserve row is marked dead', () => { const m = month([{}]); m.alive[0] = 0; return m; }, 'PROGRAM_INPUT_RESERVE', { row: 0 }],
    ['the reserve row has a deposit', () => { const m = month([{}]); m.deposit[0] = 1n; return m; }, 'PROGRAM_INPUT_RESERVE', { row: 0 }],
    ['the previous table is longer than this month', () => { const m = month([{}]); m.previous = new BigUint64Array(3); return m; }, 'PROGRAM_INPUT_SIZE', { rows: 2, previousRows: 3, geographies: 1 }],
  ];
  for (const [situation, make, code, evidence] of cases) {
    it(`when ${situation}: ${code}`, () => {
      expect(codeOf(() => computeMonth(make()))).toEqual({ code, evidence });
    });
  }

  it('columns of different lengths are a caller bug', () => {
    const m = month([{}]);
    m.dob = new Uint32Array(1);
    expect(() => computeMonth(m)).toThrow(RangeError);
  });
});
