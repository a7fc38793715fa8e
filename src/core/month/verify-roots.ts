/**
 * Step "roots": the final table's rows hash to the month root (allocation-formula.md §Commitments), its SHA-256 is
 * the lead package's, its rows are the inputs' rows; the month log grows by this month's leaf (RFC 9162, protocol §9).
 * Quick mode: only the depositor's batch is hashed, and the batch roots come from the verified proofs.
 */
import { passed, failed, type Check } from '../check';
import { allocationBatchRoots, allocationBatches, batchRoot, monthRoot } from '../commit/batches';
import { inclusionPathToJson, verifyInclusionPath, type InclusionPath } from '../commit/inclusion-path';
import { nextPowerOfFour, quadLevels, quadSiblings } from '../commit/quad-tree';
import { userIdField } from '../commit/user-id';
import { allocationLeaf } from '../commit/leaves';
import { hexToBytes } from '../bytes';
import { VerifyError } from '../errors';
import type { MonthLogHead, MonthLogStep } from '../protocol/month-log';
import { verifyMonthLogStep } from '../protocol/month-log';
import type { AllocationTable } from '../table/allocation';
import type { AllocationEvidence } from './report';

const rowsOf = (t: AllocationTable) => t.userIds.map((u, i) => ({ uid: userIdField(u), allocation: t.allocations[i]! }));

/** Full mode: every row hashed, the root compared with the final's. */
export function verifyTableRoot(month: number, table: AllocationTable, batchSize: number, root: string): Check {
  const computed = monthRoot(allocationBatchRoots(month, rowsOf(table), batchSize));
  if (computed !== BigInt('0x' + root)) {
    return failed('roots', new VerifyError('MERKLE_ROOT_MISMATCH', 'the final table\'s rows do not hash to the month root', { computed: computed.toString(16).padStart(64, '0'), final: root, rows: table.rows }));
  }
  return passed('roots', `all ${table.rows} rows hash to the month root`, { root, rows: table.rows, batchSize });
}

/** Quick mode: the depositor's row, its batch hashed to the proof's batch root, and its path to the month root. */
export function verifyDepositor(month: number, table: AllocationTable, batchSize: number, root: string, batchRoots: readonly bigint[], user: string): { check: Check; allocation?: AllocationEvidence } {
  const row = table.userIds.indexOf(user);
  if (row < 0) return { check: failed('roots', new VerifyError('MERKLE_USER_NOT_FOUND', 'the user id is not in this month\'s table', {})) };
  const b = Math.floor(row / batchSize);
  const rows = rowsOf(table);
  const leaves = allocationBatches(month, rows.slice(b * batchSize, (b + 1) * batchSize), batchSize)[0]!;
  const own = batchRoot(leaves);
  if (own !== batchRoots[b]) {
    return { check: failed('roots', new VerifyError('MERKLE_BATCH_ROOT_MISMATCH', `the table's batch ${b} does not hash to the proven batch root`, { batch: b, computed: own.toString(), proven: String(batchRoots[b]) })) };
  }
  const padded = batchRoots.slice();
  while (padded.length < nextPowerOfFour(batchRoots.length)) padded.push(0n);
  const path: InclusionPath = { row, batchSize, batchCount: batchRoots.length, batchSiblings: quadSiblings(quadLevels(leaves), row % batchSize), monthSiblings: quadSiblings(quadLevels(padded), b) };
  try {
    verifyInclusionPath(allocationLeaf(month, rows[row]!.uid, rows[row]!.allocation), path, BigInt('0x' + root));
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return { check: failed('roots', e) };
  }
  const allocation = { user: user, row, allocation: rows[row]!.allocation.toString(), batchIndex: b, path: inclusionPathToJson(path) };
  return { check: passed('roots', `the depositor's row ${row} is in batch ${b}, whose proven root leads to the month root`, { row, batch: b, root }), allocation };
}

/** The log head grows by one leaf, this month's (consistency from the previous head, inclusion of the new leaf). */
export function verifyLog(previous: MonthLogHead | undefined, step: MonthLogStep, month: number, root: string): Check {
  try {
    verifyMonthLogStep(previous, step, { month, root: hexToBytes(root) });
    return passed('roots', `month log grows from ${previous?.size ?? 0} to ${step.size} with this month's root`, { size: step.size, root: step.root, previous: previous ?? null });
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return failed('roots', e);
  }
}
