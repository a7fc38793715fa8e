/** A month's batches (docs/allocation-formula.md §Commitments): how many, and the month root over their roots. */
import { isPowerOfFour, nextPowerOfFour, quadRoot } from './quad-tree';

/** How many batches a table of `rows` rows takes (at least one). */
export function batchCount(rows: number, batchSize: number): number {
  if (!isPowerOfFour(batchSize)) throw new RangeError(`batch size ${batchSize} is not a power of four`);
  return Math.max(1, Math.ceil(rows / batchSize));
}

/** The month root: the Merkle root of the batch roots, their count padded to a power of four with 0. */
export function monthRoot(batchRoots: readonly bigint[]): bigint {
  if (batchRoots.length === 0) throw new RangeError('monthRoot: no batch');
  const padded = batchRoots.slice();
  while (padded.length < nextPowerOfFour(batchRoots.length)) padded.push(0n);
  return quadRoot(padded);
}
