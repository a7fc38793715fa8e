import { describe, expect, it } from 'vitest';
import { mortalityLookup, mortalityRate, rateIndex } from './mortality-lookup';
import { type MortalityRow } from './mortality';
import { parseTable, writeTable } from './table-file';
import { MORTALITY } from './mortality';

/** A complete table for `geographies` geographies with a rate that encodes its own cell. */
function fullRows(geographies: number): MortalityRow[] {
  const rows: MortalityRow[] = [];
  for (let geography = 0; geography < geographies; geography++) {
    for (let sex = 0; sex < 2; sex++) {
      for (let age = 0; age <= 120; age++) rows.push({ geography, sex, age, qPpb: BigInt(geography * 1_000_000 + sex * 1_000 + age) });
    }
  }
  return rows;
}

const ROWS = fullRows(3);

describe('when a complete mortality table is written and read back', () => {
  it('gives the dense [geography][sex][age] array with every rate in place', async () => {
    const lookup = mortalityLookup(await parseTable(MORTALITY, writeTable(MORTALITY, ROWS)));
    expect(lookup.geographies).toBe(3);
    expect(lookup.rates.length).toBe(3 * 2 * 121);
    for (const r of ROWS) expect(lookup.rates[rateIndex(r.geography, r.sex, r.age)]).toBe(Number(r.qPpb));
    expect(mortalityRate(lookup, 2, 1, 120)).toBe(2_001_120);
  });

  it('accepts the largest rate, 5e8 ppb', async () => {
    const rows = ROWS.map((r) => ({ ...r, qPpb: 500_000_000n }));
    expect(mortalityLookup(await parseTable(MORTALITY, writeTable(MORTALITY, rows))).rates[0]).toBe(500_000_000);
  });
});

describe('when a cell is missing', () => {
  it('rejects a table without age 120 of the last geography as TABLE_SCHEMA', async () => {
    await expect(parseTable(MORTALITY, writeTable(MORTALITY, ROWS.slice(0, -1)))).rejects.toMatchObject({
      code: 'TABLE_SCHEMA', evidence: { geography: 2, sex: 1, age: 120 },
    });
  });

  it('rejects a table that skips geography 0', async () => {
    await expect(parseTable(MORTALITY, writeTable(MORTALITY, ROWS.slice(242)))).rejects.toMatchObject({ code: 'TABLE_SCHEMA', evidence: { geography: 0 } });
  });

  it('refuses the lookup of a geography the table lacks', async () => {
    const lookup = mortalityLookup(await parseTable(MORTALITY, writeTable(MORTALITY, ROWS)));
    expect(() => mortalityRate(lookup, 3, 0, 40)).toThrow(expect.objectContaining({ code: 'TABLE_RANGE' }));
  });
});

describe('when cells are repeated or out of order', () => {
  it('rejects a repeated cell', async () => {
    const rows = [...ROWS.slice(0, 10), ROWS[9]!, ...ROWS.slice(10)];
    await expect(parseTable(MORTALITY, writeTable(MORTALITY, rows))).rejects.toMatchObject({ code: 'TABLE_DUPLICATE_CELL', evidence: { row: 10 } });
  });

  it('rejects two swapped rows', async () => {
    const rows = [...ROWS];
    [rows[5], rows[6]] = [rows[6]!, rows[5]!];
    await expect(parseTable(MORTALITY, writeTable(MORTALITY, rows))).rejects.toMatchObject({ code: 'TABLE_ORDER', evidence: { row: 6 } });
  });
});

describe('when a value is out of range', () => {
  const cases: [string, string, Partial<MortalityRow>][] = [
    ['a rate above 5e8 ppb', 'q_ppb', { qPpb: 500_000_001n }],
    ['a negative rate', 'q_ppb', { qPpb: -1n }],
    ['age 121', 'age', { age: 121 }],
    ['sex 2', 'sex', { sex: 2 }],
    ['geography −1', 'geography', { geography: -1 }],
  ];
  it.each(cases)('rejects %s as TABLE_RANGE', async (_, column, change) => {
    const rows = ROWS.map((r) => ({ ...r }));
    rows[241] = { ...rows[241]!, ...change };
    await expect(parseTable(MORTALITY, writeTable(MORTALITY, rows))).rejects.toMatchObject({ code: 'TABLE_RANGE', evidence: { row: 241, column } });
  });
});
