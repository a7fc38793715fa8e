/**
 * A depositor's inclusion path (docs/allocation-formula.md §Commitments, v2): the rows of the depositor's batch
 * (user id field and allocation, B pairs; the table publishes them anyway) and three siblings per level of the
 * quaternary month tree over the batch roots. The row's pair must be the depositor's; the pairs make the batch root;
 * the siblings lead to the month root.
 */
import { VerifyError } from '../errors';
import { commitment } from './commitment';
import { allocationCommitments } from './batch-commitments';
import { isFieldElement } from './field';
import { checkSiblings, decimalLevels, depth, integerField, malformed, MAX_BATCHES } from './inclusion-path';
import { isPowerOfFour, nextPowerOfFour, quadLevels, quadSiblings, rootFromQuadSiblings } from './quad-tree';
import type { AllocationLeafRow } from './leaf-rows';

export interface AllocationPath {
  row: number;
  batchSize: number;
  batchCount: number;
  /** The batch's rows as [userIdField, allocation], padding rows [0, 0]. */
  batchRows: [bigint, bigint][];
  monthSiblings: bigint[][];
}

export interface AllocationPathRoots {
  batchIndex: number;
  batchRoot: bigint;
  monthRoot: bigint;
}

/** The largest batch the verifier accepts (the genesis bounds it too). */
export const MAX_PATH_BATCH = 64;

/** The path of `row` in month `month`'s table (built by whoever holds the table). */
export function allocationPath(month: number | bigint, rows: readonly AllocationLeafRow[], batchSize: number, row: number): AllocationPath {
  if (!Number.isSafeInteger(row) || row < 0 || row >= rows.length) throw new RangeError(`row ${row} is not in the table`);
  const roots = allocationCommitments(month, rows, batchSize);
  while (roots.length < nextPowerOfFour(roots.length)) roots.push(0n);
  const b = Math.floor(row / batchSize);
  const batchRows = Array.from({ length: batchSize }, (_, k): [bigint, bigint] => {
    const r = rows[b * batchSize + k];
    return r ? [r.uid, r.allocation] : [0n, 0n];
  });
  return { row, batchSize, batchCount: Math.ceil(rows.length / batchSize), batchRows, monthSiblings: quadSiblings(quadLevels(roots), b) };
}

function checkPath(path: AllocationPath): AllocationPath {
  const { row, batchSize, batchCount } = path;
  if (!Number.isSafeInteger(batchSize) || !isPowerOfFour(batchSize) || batchSize > MAX_PATH_BATCH) throw malformed('batchSize is not a power of four ≤ 64', { batchSize });
  if (!Number.isSafeInteger(batchCount) || batchCount < 1 || batchCount > MAX_BATCHES) throw malformed('batchCount out of range', { batchCount });
  if (!Number.isSafeInteger(row) || row < 0 || row >= batchSize * batchCount) throw new VerifyError('MERKLE_PATH_POSITION', 'row is outside the table', { row, batchSize, batchCount });
  if (!Array.isArray(path.batchRows) || path.batchRows.length !== batchSize) throw malformed(`batchRows: expected ${batchSize} rows`);
  const batchRows = path.batchRows.map((pair: unknown, i): [bigint, bigint] => {
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((v) => typeof v !== 'bigint' || !isFieldElement(v))) {
      throw new VerifyError('MERKLE_PATH_NOT_FIELD', `batchRows[${i}] is not a pair of field elements`);
    }
    return [pair[0] as bigint, pair[1] as bigint];
  });
  return { row, batchSize, batchCount, batchRows, monthSiblings: checkSiblings(path.monthSiblings, depth(batchCount), 'monthSiblings') };
}

/** The batch root and month root a depositor's row and its path lead to (MERKLE_PATH_ROW when the row is not theirs). */
export function rootFromAllocationPath(month: number | bigint, leaf: AllocationLeafRow, path: AllocationPath): AllocationPathRoots {
  const p = checkPath(path);
  const [uid, allocation] = p.batchRows[p.row % p.batchSize]!;
  if (uid !== leaf.uid || allocation !== leaf.allocation) {
    throw new VerifyError('MERKLE_ROOT_MISMATCH', 'the path\'s row is not this depositor\'s user id and allocation', { row: p.row });
  }
  const batchIndex = Math.floor(p.row / p.batchSize);
  const batchRoot = commitment(BigInt(month), p.batchRows.flat());
  return { batchIndex, batchRoot, monthRoot: rootFromQuadSiblings(batchRoot, batchIndex, p.monthSiblings) };
}

/** Compute, then compare with the expected month root: MERKLE_ROOT_MISMATCH carries both values. */
export function verifyAllocationPath(month: number | bigint, leaf: AllocationLeafRow, path: AllocationPath, expectedMonthRoot: bigint): AllocationPathRoots {
  const roots = rootFromAllocationPath(month, leaf, path);
  if (roots.monthRoot !== expectedMonthRoot) {
    throw new VerifyError('MERKLE_ROOT_MISMATCH', 'the inclusion path does not lead to the month root', {
      computed: roots.monthRoot.toString(), expected: expectedMonthRoot.toString(), row: path.row,
    });
  }
  return roots;
}

/** Parse an untrusted JSON path ({row, batchSize, batchCount, batchRows, monthSiblings}, decimal strings). */
export function parseAllocationPath(json: unknown): AllocationPath {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw malformed('path is not an object');
  const o = json as Record<string, unknown>;
  const int = (k: string): number => integerField(o, k);
  const rows = decimalLevels(o.batchRows, 'batchRows');
  return checkPath({
    row: int('row'), batchSize: int('batchSize'), batchCount: int('batchCount'),
    batchRows: rows.map((r) => (r.length === 2 ? [r[0]!, r[1]!] : (() => { throw malformed('batchRows: expected pairs'); })())),
    monthSiblings: decimalLevels(o.monthSiblings, 'monthSiblings'),
  });
}

/** The JSON form parseAllocationPath reads. */
export function allocationPathToJson(path: AllocationPath): Record<string, unknown> {
  const dec = (levels: bigint[][]) => levels.map((l) => l.map(String));
  return { ...path, batchRows: dec(path.batchRows), monthSiblings: dec(path.monthSiblings) };
}

