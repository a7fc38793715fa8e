import { describe, expect, it } from 'vitest';
import { mortalityLookup } from '../../core/table';
import { DEVNET_MORTALITY, devnetMortalityRows, fixedFromDecimal, monthlyRatePpb } from './mortality-rates';
import { parseTable, writeTable } from '../../core/table/table-file';
import { MORTALITY } from '../../core/table/mortality';

describe('the devnet mortality table', () => {
  const rows = devnetMortalityRows();

  it('is a complete, valid table of 3 geographies', async () => {
    const lookup = mortalityLookup(await parseTable(MORTALITY, writeTable(MORTALITY, rows)));
    expect(lookup.geographies).toBe(3);
  });

  it('is the same bytes on every run', () => {
    expect(writeTable(MORTALITY, devnetMortalityRows())).toEqual(writeTable(MORTALITY, rows));
  });

  it('rises with age from 30 on, and men die more than women', () => {
    for (const [female, male] of DEVNET_MORTALITY) {
      for (let age = 31; age <= 120; age++) expect(monthlyRatePpb(female, age)).toBeGreaterThan(monthlyRatePpb(female, age - 1));
      for (const age of [40, 70, 90]) expect(monthlyRatePpb(male, age)).toBeGreaterThan(monthlyRatePpb(female, age));
    }
  });

  it('matches 1 − exp(−μ/12) computed in floating point to within 1 ppb', () => {
    const p = DEVNET_MORTALITY[1]![1]!;
    for (const age of [0, 1, 45, 85, 110]) {
      const mu = Number(p.a) + Number(p.b) * Number(p.c) ** age + (age === 0 ? Number(p.infant) : 0);
      expect(Math.abs(Number(monthlyRatePpb(p, age)) - (1 - Math.exp(-mu / 12)) * 1e9)).toBeLessThan(2);
    }
  });

  it('clamps a rate above half to 5e8 ppb', () => {
    expect(monthlyRatePpb({ a: '20', b: '0', c: '1', infant: '0' }, 50)).toBe(500_000_000n);
  });

  it('reads decimal parameters exactly', () => {
    expect(fixedFromDecimal('1.105')).toBe(1_105_000_000_000_000_000n);
    expect(() => fixedFromDecimal('1e-3')).toThrow(RangeError);
  });
});
