/**
 * Deterministic devnet mortality table: Gompertz–Makeham annual hazards per geography and sex, turned into monthly
 * rates in parts per billion with integer fixed-point arithmetic (same bytes on every machine; docs/tables.md §Devnet).
 */
import type { MortalityRow } from '../../core/table';
import { MAX_AGE, MAX_Q_PPB } from '../../core/table';

/** μ(age) = a + b·c^age (annual force of mortality) + infant·[age = 0]. Decimal strings, read exactly. */
export interface GompertzMakeham {
  a: string;
  b: string;
  c: string;
  infant: string;
}

/** Three illustrative geographies (low, medium, high mortality); index = geography, then [female, male]. */
export const DEVNET_MORTALITY: readonly (readonly [GompertzMakeham, GompertzMakeham])[] = [
  [
    { a: '0.0002', b: '0.000009', c: '1.105', infant: '0.002' },
    { a: '0.0004', b: '0.000022', c: '1.100', infant: '0.002' },
  ],
  [
    { a: '0.0005', b: '0.000025', c: '1.095', infant: '0.005' },
    { a: '0.0010', b: '0.000065', c: '1.090', infant: '0.006' },
  ],
  [
    { a: '0.0020', b: '0.000060', c: '1.090', infant: '0.030' },
    { a: '0.0030', b: '0.000100', c: '1.088', infant: '0.035' },
  ],
];

const SCALE = 10n ** 18n;

/** Exact fixed-point (×10^18) value of a non-negative decimal string. */
export function fixedFromDecimal(s: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(s);
  if (!m) throw new RangeError(`not a decimal: ${s}`);
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? '').padEnd(18, '0'));
}

/** 1 − e^(−x) in fixed point, by the alternating series x − x²/2! + x³/3! − … (x ≤ a few units). */
function oneMinusExpNeg(x: bigint): bigint {
  let term = x;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k++) {
    sum += k % 2n === 1n ? term : -term;
    term = (term * x) / SCALE / (k + 1n);
  }
  return sum;
}

/** Monthly probability of death (ppb) at `age`: q = 1 − exp(−μ/12), floored, clamped to MAX_Q_PPB. */
export function monthlyRatePpb(p: GompertzMakeham, age: number): bigint {
  const c = fixedFromDecimal(p.c);
  let cPow = SCALE;
  for (let i = 0; i < age; i++) cPow = (cPow * c) / SCALE;
  const mu = fixedFromDecimal(p.a) + (fixedFromDecimal(p.b) * cPow) / SCALE + (age === 0 ? fixedFromDecimal(p.infant) : 0n);
  const q = (oneMinusExpNeg(mu / 12n) * 1_000_000_000n) / SCALE;
  return q > MAX_Q_PPB ? MAX_Q_PPB : q;
}

/** Every cell in (geography, sex, age) order, as the mortality table requires. */
export function devnetMortalityRows(params: typeof DEVNET_MORTALITY = DEVNET_MORTALITY): MortalityRow[] {
  const rows: MortalityRow[] = [];
  params.forEach((sexes, geography) => {
    sexes.forEach((p, sex) => {
      for (let age = 0; age <= MAX_AGE; age++) rows.push({ geography, sex, age, qPpb: monthlyRatePpb(p, age) });
    });
  });
  return rows;
}
