/** A depositor's inclusion path: batch path + batch-root path in the quaternary trees of docs/allocation-formula.md. */
import { VerifyError } from '../errors';
import { allocationBatches, batchRoot } from './batches';
import { isFieldElement } from './field';
import { isPowerOfFour, nextPowerOfFour, quadLevels, quadSiblings, rootFromQuadSiblings } from './quad-tree';
import type { AllocationLeafRow } from './leaf-rows';

/** Row position, layout and three siblings per level (leaves first) in the batch tree and in the month tree. */
export interface InclusionPath {
  row: number;
  batchSize: number;
  batchCount: number;
  batchSiblings: bigint[][];
  monthSiblings: bigint[][];
}

/** What a path commits to: the row's batch, that batch's root and the month root. */
export interface PathRoots {
  batchIndex: number;
  batchRoot: bigint;
  monthRoot: bigint;
}

const MAX_BATCH_SIZE = 4 ** 10;
export const MAX_BATCHES = 2 ** 32;

export function depth(n: number): number {
  let d = 0;
  for (let p = 1; p < n; p *= 4) d++;
  return d;
}

/** The path of `row` in month `month`'s table (built by whoever publishes the table). */
export function inclusionPath(
  month: number | bigint, rows: readonly AllocationLeafRow[], batchSize: number, row: number,
): InclusionPath {
  if (!Number.isSafeInteger(row) || row < 0 || row >= rows.length) throw new RangeError(`row ${row} is not in the table`);
  const batches = allocationBatches(month, rows, batchSize);
  const roots = batches.map(batchRoot);
  const padded = roots.slice();
  while (padded.length < nextPowerOfFour(roots.length)) padded.push(0n);
  const b = Math.floor(row / batchSize);
  return {
    row,
    batchSize,
    batchCount: batches.length,
    batchSiblings: quadSiblings(quadLevels(batches[b]!), row % batchSize),
    monthSiblings: quadSiblings(quadLevels(padded), b),
  };
}

export function malformed(message: string, evidence: Record<string, unknown> = {}): VerifyError {
  return new VerifyError('MERKLE_PATH_MALFORMED', message, evidence);
}

export function checkSiblings(levels: unknown, expected: number, what: string): bigint[][] {
  if (!Array.isArray(levels) || levels.length !== expected) {
    throw malformed(`${what}: expected ${expected} levels`, { got: Array.isArray(levels) ? levels.length : typeof levels });
  }
  return levels.map((level: unknown, i) => {
    if (!Array.isArray(level) || level.length !== 3) throw malformed(`${what}[${i}]: expected 3 siblings`);
    return level.map((v: unknown, j) => {
      if (typeof v !== 'bigint' || !isFieldElement(v)) {
        throw new VerifyError('MERKLE_PATH_NOT_FIELD', `${what}[${i}][${j}] is not a field element`, { value: String(v) });
      }
      return v;
    });
  });
}

/** Shape checks shared by the parser and the root computation: every malformed field is a MERKLE_ error. */
function checkPath(path: InclusionPath): InclusionPath {
  const { row, batchSize, batchCount } = path;
  if (!Number.isSafeInteger(batchSize) || !isPowerOfFour(batchSize) || batchSize > MAX_BATCH_SIZE) {
    throw malformed('batchSize is not a power of four', { batchSize });
  }
  if (!Number.isSafeInteger(batchCount) || batchCount < 1 || batchCount > MAX_BATCHES) {
    throw malformed('batchCount out of range', { batchCount });
  }
  if (!Number.isSafeInteger(row) || row < 0 || row >= batchSize * batchCount) {
    throw new VerifyError('MERKLE_PATH_POSITION', 'row is outside the table', { row, batchSize, batchCount });
  }
  return {
    row, batchSize, batchCount,
    batchSiblings: checkSiblings(path.batchSiblings, depth(batchSize), 'batchSiblings'),
    monthSiblings: checkSiblings(path.monthSiblings, depth(batchCount), 'monthSiblings'),
  };
}

/** Compute the batch root and the month root a leaf and its path lead to. */
export function rootFromInclusionPath(leaf: bigint, path: InclusionPath): PathRoots {
  if (!isFieldElement(leaf)) throw new VerifyError('MERKLE_PATH_NOT_FIELD', 'leaf is not a field element');
  const p = checkPath(path);
  const batchIndex = Math.floor(p.row / p.batchSize);
  const root = rootFromQuadSiblings(leaf, p.row % p.batchSize, p.batchSiblings);
  return { batchIndex, batchRoot: root, monthRoot: rootFromQuadSiblings(root, batchIndex, p.monthSiblings) };
}

/** Compute, then compare with the expected month root: MERKLE_ROOT_MISMATCH carries both values. */
export function verifyInclusionPath(leaf: bigint, path: InclusionPath, expectedMonthRoot: bigint): PathRoots {
  const roots = rootFromInclusionPath(leaf, path);
  if (roots.monthRoot !== expectedMonthRoot) {
    throw new VerifyError('MERKLE_ROOT_MISMATCH', 'the inclusion path does not lead to the month root', {
      computed: roots.monthRoot.toString(), expected: expectedMonthRoot.toString(), row: path.row,
    });
  }
  return roots;
}

function decimal(v: unknown, what: string): bigint {
  if (typeof v !== 'string' || !/^(0|[1-9][0-9]{0,79})$/.test(v)) {
    throw new VerifyError('MERKLE_PATH_NOT_FIELD', `${what} is not a canonical decimal string`, { value: String(v).slice(0, 90) });
  }
  const n = BigInt(v);
  if (!isFieldElement(n)) throw new VerifyError('MERKLE_PATH_NOT_FIELD', `${what} is not below r`, { value: v });
  return n;
}

export function decimalLevels(v: unknown, what: string): bigint[][] {
  if (!Array.isArray(v)) throw malformed(`${what} is not an array`);
  return v.map((level: unknown, i) => {
    if (!Array.isArray(level)) throw malformed(`${what}[${i}] is not an array`);
    return level.map((x: unknown, j) => decimal(x, `${what}[${i}][${j}]`));
  });
}

/** A path's integer field (row, batchSize, batchCount): MERKLE_PATH_MALFORMED unless a safe integer. */
export function integerField(o: Record<string, unknown>, k: string): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw malformed(`${k} is not an integer`, { value: String(v) });
  return v;
}

/** Parse an untrusted JSON path ({row, batchSize, batchCount, batchSiblings, monthSiblings}, decimal strings). */
export function parseInclusionPath(json: unknown): InclusionPath {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw malformed('path is not an object');
  const o = json as Record<string, unknown>;
  const int = (k: string): number => integerField(o, k);
  return checkPath({
    row: int('row'),
    batchSize: int('batchSize'),
    batchCount: int('batchCount'),
    batchSiblings: decimalLevels(o.batchSiblings, 'batchSiblings'),
    monthSiblings: decimalLevels(o.monthSiblings, 'monthSiblings'),
  });
}

/** The JSON form parseInclusionPath reads. */
export function inclusionPathToJson(path: InclusionPath): Record<string, unknown> {
  const dec = (levels: bigint[][]) => levels.map((l) => l.map(String));
  return { ...path, batchSiblings: dec(path.batchSiblings), monthSiblings: dec(path.monthSiblings) };
}

