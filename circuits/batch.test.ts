import { beforeAll, describe, expect, it } from 'vitest';
import { commitment } from '../src/core/commit/commitment';
import { FIELD_R, RATE_MAX } from '../src/core/commit/field';
import { verifyBatchSums, batchPublicFromSignals } from '../src/core/commit/public-inputs';
import { monthWitness, type CircuitInput } from '../src/devnet/prover/month-witness';
import { sampleMonth } from '../src/devnet/prover/sample-month';
import { ensureCompiled } from '../src/devnet/prover/setup';
import { RESERVE_USER_ID, userIdField } from '../src/core/commit/user-id';
import { readFile } from 'node:fs/promises';
import { snarkjs } from '../src/devnet/prover/snarkjs';

const B = 4;
let wasm = '';

beforeAll(async () => {
  wasm = (await ensureCompiled(B)).wasm;
});

async function witness(input: CircuitInput): Promise<void> {
  await snarkjs.wtns.calculate(input, wasm, { type: 'mem' });
}

const col = (input: CircuitInput, k: string) => (input[k] as string[]).map(BigInt);
const mod = (x: bigint) => ((x % FIELD_R) + FIELD_R) % FIELD_R;

/**
 * Recompute what a cheating prover also controls — the three batch roots and the partial sums — from the rows as the
 * circuit would see them, so a mutated witness fails only on the rule under test.
 */
function reseal(input: CircuitInput): CircuitInput {
  const month = BigInt(input.month as string);
  const reserve = input.batchIndex === '0';
  const [uid, prev, alive, deposit, q, w, share] =
    ['uid', 'prevAlloc', 'alive', 'deposit', 'q', 'w', 'share'].map((k) => col(input, k)) as bigint[][];
  const rows = uid!.map((_, i) => i);
  const next = rows.map((i) => alive![i]! * prev![i]! + deposit![i]! + share![i]! + (reserve && i === 0 ? BigInt(input.R as string) : 0n));
  return {
    ...input,
    prevBatchRoot: commitment(month - 1n, prev!).toString(),
    inputsBatchRoot: commitment(month, rows.flatMap((i) => [uid![i]!, alive![i]!, deposit![i]!, q![i]!])).toString(),
    newBatchRoot: commitment(month, rows.flatMap((i) => [uid![i]!, mod(next[i]!)])).toString(),
    partialF: mod(rows.reduce((s, i) => s + prev![i]! - alive![i]! * prev![i]!, 0n)).toString(),
    partialW: mod(w!.reduce((s, x) => s + x, 0n)).toString(),
    partialS: mod(share!.reduce((s, x) => s + x, 0n)).toString(),
  };
}

function withRow(input: CircuitInput, row: number, change: Record<string, bigint>): CircuitInput {
  const out = { ...input };
  for (const [k, v] of Object.entries(change)) {
    const c = (out[k] as string[]).slice();
    c[row] = mod(v).toString();
    out[k] = c;
  }
  return out;
}

// Two batches of four: reserve, members 1–6 (member 3 dies, member 6 is new), one padding row.
const month = monthWitness(sampleMonth(7, B));
const [first, second] = month.batches.map((b) => b.circuitInput) as [CircuitInput, CircuitInput];

describe('when a two-batch month is honest', () => {
  it('both batches have a witness and their public inputs add up', async () => {
    await witness(first);
    await witness(second);
    expect(month.allocation.F).toBeGreaterThan(0n);
    expect(month.allocation.W).toBeGreaterThan(0n);
    verifyBatchSums(month.batches.map((b) => batchPublicFromSignals(b.publicSignals.map(BigInt))));
  });

  it('resealing an honest batch changes nothing', () => {
    expect(reseal(first)).toEqual(first);
    expect(reseal(second)).toEqual(second);
  });
});

describe('when the prover lies about a row', () => {
  it('rejects a share one Dreybit too large', async () => {
    const s = col(first, 'share')[1]!;
    await expect(witness(reseal(withRow(first, 1, { share: s + 1n })))).rejects.toThrow(/Assert Failed/);
  });

  it('rejects a share whose remainder is shifted to match', async () => {
    const s = col(first, 'share')[1]!;
    const r = col(first, 'shareRem')[1]!;
    const W = BigInt(first.W as string);
    await expect(witness(reseal(withRow(first, 1, { share: s + 1n, shareRem: r - W })))).rejects.toThrow(/Assert Failed/);
  });

  it('rejects a weight one too small', async () => {
    const w = col(first, 'w')[2]!;
    await expect(witness(reseal(withRow(first, 2, { w: w - 1n })))).rejects.toThrow(/Assert Failed/);
  });

  it('rejects a deceased member with a deposit', async () => {
    expect(col(first, 'alive')[3]).toBe(0n);
    await expect(witness(reseal(withRow(first, 3, { deposit: 1000n })))).rejects.toThrow(/Assert Failed/);
  });

  it('rejects a rate, a deposit or a previous allocation that the recomputed roots do not hold', async () => {
    // The verifier recomputes the previous and inputs roots from the published tables: a row the prover changes
    // without changing those roots fails.
    for (const [k, change] of [['q', { q: col(first, 'q')[1]! + 1n }], ['deposit', { deposit: col(first, 'deposit')[1]! + 1n }], ['prevAlloc', { prevAlloc: col(first, 'prevAlloc')[1]! + 1n }]] as const) {
      const lie = reseal(withRow(first, 1, change));
      const honestRoot: CircuitInput = k === 'prevAlloc' ? { prevBatchRoot: first.prevBatchRoot! } : { inputsBatchRoot: first.inputsBatchRoot! };
      await expect(witness({ ...lie, ...honestRoot }), k).rejects.toThrow(/Assert Failed/);
    }
  });

  it('leaves q ≤ Q/2 to the recomputed inputs root (the mortality table bounds q): a root holding a larger q passes', async () => {
    // Row 2 of the second batch is the newcomer: no previous allocation, so its weight stays 0 for any q. Its q is
    // not range-checked in the circuit; the verifier's inputs root, recomputed from rates ≤ Q/2, never holds it.
    expect(col(second, 'prevAlloc')[2]).toBe(0n);
    await witness(reseal(withRow(second, 2, { q: RATE_MAX + 1n })));
  });

  it('a newcomer\'s previous allocation is the previous root\'s zero', async () => {
    expect(col(second, 'prevAlloc')[2]).toBe(0n);
    await expect(witness({ ...reseal(withRow(second, 2, { prevAlloc: 5n })), prevBatchRoot: second.prevBatchRoot! })).rejects.toThrow(/Assert Failed/);
  });

  it('rejects a root that does not match the rows', async () => {
    await expect(witness({ ...first, newBatchRoot: (BigInt(first.newBatchRoot as string) + 1n).toString() }))
      .rejects.toThrow(/Assert Failed/);
  });
});

describe('when F is wrong', () => {
  it('rejects shares computed from the true F', async () => {
    await expect(witness({ ...first, F: (BigInt(first.F as string) + 1n).toString() })).rejects.toThrow(/Assert Failed/);
  });

  it('a batch consistent with a wrong F passes the circuit but not the month sums', async () => {
    const F = month.allocation.F + 1000n;
    const W = month.allocation.W;
    const lie = (input: CircuitInput) => {
      const w = col(input, 'w');
      return reseal({
        ...input,
        F: F.toString(),
        share: w.map((x) => ((F * x) / W).toString()),
        shareRem: w.map((x) => ((F * x) % W).toString()),
      });
    };
    const lies = [lie(first), lie(second)];
    for (const l of lies) await witness(l);
    const publics = lies.map((l) => batchPublicFromSignals(
      ['month', 'batchIndex', 'prevBatchRoot', 'inputsBatchRoot', 'newBatchRoot', 'F', 'W', 'R', 'partialF', 'partialW', 'partialS']
        .map((k) => BigInt(l[k] as string))));
    expect(() => verifyBatchSums(publics)).toThrow(expect.objectContaining({ code: 'PROOF_BATCH_SUMS' }));
  });
});

describe('when nobody has a weight (W = 0)', () => {
  const zero = monthWitness({ ...sampleMonth(7, B), inputs: sampleMonth(7, B).inputs.map((r) => ({ ...r, q: 0n })) });
  const batch = zero.batches[0]!.circuitInput;

  it('the honest batch gives every share to the reserve', async () => {
    expect(zero.allocation.W).toBe(0n);
    expect(zero.allocation.R).toBe(zero.allocation.F);
    await witness(batch);
  });

  it('rejects a nonzero share', async () => {
    // F·0 = 1·0 + 0 holds: only the explicit W = 0 ⇒ share = 0 rule stops it.
    await expect(witness(reseal(withRow(batch, 1, { share: 1n })))).rejects.toThrow(/Assert Failed/);
  });
});

describe('when the circuit names the reserve row', () => {
  it('its constant is userIdField("drey:reserve")', async () => {
    const src = await readFile(new URL('./batch.circom', import.meta.url), 'utf8');
    expect(src).toContain(`return ${userIdField(RESERVE_USER_ID)};`);
  });
});
