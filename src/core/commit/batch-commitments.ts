/**
 * A month's batch commitments (docs/allocation-formula.md §Commitments, v2), the three public roots of every batch
 * proof, each over the batch's B rows in table order (rows beyond a table are zero):
 *   previous = C(m − 1; a₀ … a_{B−1})                 last month's allocations (0 for rows new this month)
 *   inputs   = C(m; uid₀, alive₀, deposit₀, q₀, …)     this month's inputs
 *   new      = C(m; uid₀, new₀, uid₁, new₁, …)         this month's allocations; the month root is over these
 * with C the commitment of commitment.ts. The verifier recomputes the first two from the published tables.
 */
import { commitments } from './commitment';
import { batchCount } from './batches';
import type { AllocationLeafRow, InputsLeafRow } from './leaf-rows';

/** The rows of batch b (of `size` rows), zero-padded: `fill(i)` gives row i's elements, `width` of them. */
function batchLists(total: number, size: number, count: number, width: number, fill: (i: number, out: bigint[]) => void): bigint[][] {
  if (count * size < total) throw new RangeError(`${total} rows do not fit ${count} batches of ${size}`);
  return Array.from({ length: count }, (_, b) => {
    const out: bigint[] = [];
    for (let i = b * size; i < (b + 1) * size; i++) {
      if (i < total) fill(i, out);
      else for (let k = 0; k < width; k++) out.push(0n);
    }
    return out;
  });
}

const inits = (count: number, init: number | bigint): bigint[] => new Array<bigint>(count).fill(BigInt(init));

/** Previous commitments of month m's `count` batches from last month's allocations (row order). */
export function previousCommitments(month: number | bigint, previous: readonly bigint[], batchSize: number, count: number): bigint[] {
  const lists = batchLists(previous.length, batchSize, count, 1, (i, out) => { out.push(previous[i]!); });
  return commitments(inits(count, BigInt(month) - 1n), lists);
}

/** Inputs commitments of month m. */
export function inputsCommitments(month: number | bigint, rows: readonly InputsLeafRow[], batchSize: number, count = batchCount(rows.length, batchSize)): bigint[] {
  const lists = batchLists(rows.length, batchSize, count, 4, (i, out) => {
    const r = rows[i]!;
    out.push(r.uid, r.alive ? 1n : 0n, r.deposit, r.q);
  });
  return commitments(inits(count, month), lists);
}

/** New-allocation commitments of month m (its table's batch roots). */
export function allocationCommitments(month: number | bigint, rows: readonly AllocationLeafRow[], batchSize: number, count = batchCount(rows.length, batchSize)): bigint[] {
  const lists = batchLists(rows.length, batchSize, count, 2, (i, out) => { out.push(rows[i]!.uid, rows[i]!.allocation); });
  return commitments(inits(count, month), lists);
}
