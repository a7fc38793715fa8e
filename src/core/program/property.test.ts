import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { runAllocationProgram } from './host';
import { prng, randomInput, withFault } from './random-input';
import { computeMonth } from './reference';
import type { AllocationInput, AllocationOutput } from './types';

const wasm = new Uint8Array(readFileSync(new URL('../../../programs/allocation/build/allocation.wasm', import.meta.url)));

type Outcome = { ok: true; output: AllocationOutput } | { ok: false; code: string; item: number };

function referenceOutcome(input: AllocationInput): Outcome {
  try {
    return { ok: true, output: computeMonth(input) };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    const ev = e.evidence as { row?: number; entry?: number };
    return { ok: false, code: e.code, item: ev.entry ?? ev.row ?? -1 };
  }
}

async function programOutcome(input: AllocationInput): Promise<Outcome> {
  const r = await runAllocationProgram(wasm, input);
  if (r.ok) return { ok: true, output: r.output };
  const ev = r.error.evidence as { row?: number; entry?: number };
  return { ok: false, code: r.error.code, item: ev.entry ?? ev.row ?? -1 };
}

const TWO_64 = 1n << 64n;

/** One random case per seed: sizes 1..300, varied rates, deaths, deposits, value scales and reference dates. */
function caseOf(seed: number): { input: AllocationInput; fault: string | null } {
  const r = prng(seed * 7919 + 1);
  const rows = 1 + (r() % 300);
  const input = randomInput(seed, {
    rows,
    previousRows: r() % 3 === 0 ? r() % (rows + 1) : rows,
    geographies: 1 + (r() % 5),
    deathRate: [0, 1, 0.05, 0.3, 0.9][r() % 5]!,
    depositRate: [0, 0.3, 1][r() % 3]!,
    maxValue: [1000n, 10n ** 9n, 10n ** 12n, 1n << 44n][r() % 4]!,
    extreme: r() % 6 === 0,
    table: (['random', 'zero', 'half', 'mixed'] as const)[r() % 4]!,
    referenceDate: [20250301, 20240229, 20000101, 19991231][r() % 4]!,
  });
  if (seed % 4 !== 3) return { input, fault: null };
  const f = withFault(input, seed);
  return { input: f.input, fault: f.fault };
}

describe('the program equals the reference on random tables', () => {
  it('agrees on 240 random months (outputs, aggregates, error codes and rows) and conserves Dreybits', async () => {
    const seen = { ok: 0, failed: 0, everyoneDied: 0, wZero: 0, nearLimit: 0, wideProduct: 0, appended: 0 };
    for (let seed = 0; seed < 240; seed++) {
      const { input, fault } = caseOf(seed);
      const want = referenceOutcome(input);
      const got = await programOutcome(input);
      expect(got, `seed ${seed} fault ${fault}`).toEqual(want);
      if (!want.ok) {
        seen.failed++;
        continue;
      }
      seen.ok++;
      const out = want.output;
      let before = 0n;
      for (const v of input.previous) before += v;
      for (const v of input.deposit) before += v;
      expect(out.newAllocations.reduce((s, v) => s + v, 0n)).toBe(before);
      if (input.alive.every((a, i) => i === 0 || a === 0) && input.alive.length > 1) seen.everyoneDied++;
      if (out.W === 0n) seen.wZero++;
      if (before > 1n << 52n) seen.nearLimit++;
      if (out.w.some((w, i) => w * out.F >= TWO_64 || (input.previous[i] ?? 0n) * BigInt(out.q[i]!) >= TWO_64)) seen.wideProduct++;
      if (input.previous.length < input.alive.length) seen.appended++;
    }
    // The generator must keep reaching every edge the formula has.
    expect(seen.ok).toBeGreaterThan(150);
    expect(seen.failed).toBeGreaterThan(40);
    for (const [edge, count] of Object.entries(seen)) expect(count, edge).toBeGreaterThan(3);
    expect(seen.wideProduct, "products past 2^64 (the 128-bit division)").toBeGreaterThan(40);
  });
});

describe('when a single row holds almost 2^53', () => {
  it('the program and the reference agree at the bound', async () => {
    const input = randomInput(5, { rows: 3, deathRate: 0, table: 'half' });
    input.previous.set([0n, (1n << 53n) - 2n, 1n]);
    input.alive.set([1, 1, 0]);
    input.deposit.fill(0n);
    expect(await programOutcome(input)).toEqual(referenceOutcome(input));
    const out = computeMonth(input);
    expect(out.F).toBe(1n);
  });
});

describe('when products pass 2^64 at every row', () => {
  it('the 128-bit division agrees with bigint on 300 small tables near the bound', async () => {
    for (let seed = 0; seed < 300; seed++) {
      const r = prng(seed + 100_000);
      const input = randomInput(seed, { rows: 2 + (r() % 4), deathRate: 0.4, depositRate: 0, maxValue: 1n << 51n, extreme: true, table: 'mixed' });
      expect(await programOutcome(input), `seed ${seed}`).toEqual(referenceOutcome(input));
    }
  });
});
