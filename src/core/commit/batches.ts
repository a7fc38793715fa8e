/** Rows to batches to roots (docs/allocation-formula.md §Commitments): batch roots and the month root over them. */
import { allocationLeaf, inputsLeaf, paddingAllocationLeaf, paddingInputsLeaf } from './leaves';
import { isPowerOfFour, nextPowerOfFour, quadRoot } from './quad-tree';
import type { AllocationLeafRow, InputsLeafRow } from './leaf-rows';

function checkBatchSize(batchSize: number): void {
  if (!isPowerOfFour(batchSize)) throw new RangeError(`batch size ${batchSize} is not a power of four`);
}

/** How many batches a table of `rows` rows takes (at least one). */
export function batchCount(rows: number, batchSize: number): number {
  checkBatchSize(batchSize);
  return Math.max(1, Math.ceil(rows / batchSize));
}

/**
 * The leaves split in batches of `batchSize`, the last one padded with `pad`; `count` batches when given (a previous
 * table shorter than this month's is padded with whole padding batches).
 */
export function chunkLeaves(leaves: readonly bigint[], batchSize: number, pad: bigint, count?: number): bigint[][] {
  const out: bigint[][] = [];
  const n = count ?? batchCount(leaves.length, batchSize);
  if (n * batchSize < leaves.length) throw new RangeError(`${leaves.length} rows do not fit ${n} batches of ${batchSize}`);
  for (let b = 0; b < n; b++) {
    const chunk = leaves.slice(b * batchSize, (b + 1) * batchSize);
    while (chunk.length < batchSize) chunk.push(pad);
    out.push(chunk);
  }
  return out;
}

/** A batch root: the quaternary Merkle root of the batch's leaves (a power-of-four count). */
export function batchRoot(leaves: readonly bigint[]): bigint {
  return quadRoot(leaves);
}

/** The month root: the Merkle root of the batch roots, their count padded to a power of four with 0. */
export function monthRoot(batchRoots: readonly bigint[]): bigint {
  if (batchRoots.length === 0) throw new RangeError('monthRoot: no batch');
  const padded = batchRoots.slice();
  while (padded.length < nextPowerOfFour(batchRoots.length)) padded.push(0n);
  return quadRoot(padded);
}

/** Allocation leaves of month `month`, batched and padded. */
export function allocationBatches(
  month: number | bigint, rows: readonly AllocationLeafRow[], batchSize: number, count?: number,
): bigint[][] {
  const leaves = rows.map((r) => allocationLeaf(month, r.uid, r.allocation));
  return chunkLeaves(leaves, batchSize, paddingAllocationLeaf(month), count);
}

/** Inputs leaves, batched and padded. */
export function inputsBatches(rows: readonly InputsLeafRow[], batchSize: number): bigint[][] {
  const leaves = rows.map((r) => inputsLeaf(r.uid, r.alive, r.deposit, r.q));
  return chunkLeaves(leaves, batchSize, paddingInputsLeaf());
}

/** Batch roots of an allocation table of month `month`. */
export function allocationBatchRoots(
  month: number | bigint, rows: readonly AllocationLeafRow[], batchSize: number, count?: number,
): bigint[] {
  return allocationBatches(month, rows, batchSize, count).map(batchRoot);
}

/** Batch roots of a month's inputs. */
export function inputsBatchRoots(rows: readonly InputsLeafRow[], batchSize: number): bigint[] {
  return inputsBatches(rows, batchSize).map(batchRoot);
}
