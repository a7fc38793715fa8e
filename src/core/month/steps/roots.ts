/**
 * Step "roots": the final table's rows hash to the month root (allocation-formula.md §Commitments), its SHA-256 is
 * the lead package's, its rows are the inputs' rows; the month log grows by this month's leaf (RFC 9162, protocol §9).
 * Quick mode: only the depositor's batch is hashed, and the batch roots come from the verified proofs; the depositor's
 * evidence carries their inputs and the formula's terms. An id that is not among the table's rows is an answer about
 * the id (`notInTable`), never a failed check of the month.
 */
import { failed, failedOn, passed, type Check } from '../../check';
import { hexToBytes } from '../../bytes';
import { allocationBatchRoots, allocationBatches, batchRoot, monthRoot } from '../../commit/batches';
import { inclusionPathToJson, verifyInclusionPath, type InclusionPath } from '../../commit/inclusion-path';
import { allocationLeaf } from '../../commit/leaves';
import { nextPowerOfFour, quadLevels, quadSiblings } from '../../commit/quad-tree';
import { userIdField } from '../../commit/user-id';
import { VerifyError } from '../../errors';
import { verifyMonthLogStep, type MonthLogHead, type MonthLogStep } from '../../protocol/month-log';
import type { AllocationTable } from '../../table/allocation';
import type { InputsTable } from '../../table/inputs';
import type { MessageRecord } from '../records';
import type { AllocationEvidence, Depth, NotInTable } from '../report';
import type { StepResult } from '../step-result';
import type { SignedMonth } from './signatures';
import { depositorInputs } from './depositor-inputs';
import type { FinalTable, MonthTables } from './tables';

const rowsOf = (t: AllocationTable) => t.userIds.map((u, i) => ({ uid: userIdField(u), allocation: t.allocations[i] ?? 0n }));

/** Full mode: every row hashed, the root compared with the final's. */
export function verifyTableRoot(month: number, table: AllocationTable, batchSize: number, root: string): Check {
  const computed = monthRoot(allocationBatchRoots(month, rowsOf(table), batchSize));
  if (computed !== BigInt('0x' + root)) {
    return failed('roots', new VerifyError('MERKLE_ROOT_MISMATCH', 'the final table\'s rows do not hash to the month root', { computed: computed.toString(16).padStart(64, '0'), final: root, rows: table.rows }));
  }
  return passed('roots', `all ${table.rows} rows hash to the month root`, { root, rows: table.rows, batchSize });
}

/** What quick mode answers about the depositor: their proven row, or that the id is not in the month's table. */
export type DepositorAnswer = { allocation: AllocationEvidence; notInTable?: never } | { notInTable: NotInTable; allocation?: never };

/**
 * Quick mode: the depositor's row, its batch hashed to the proof's batch root, and its path to the month root. A user
 * id that is not among the rows is a passed check that says so: the table searched is the final's (its parts hash to
 * what the signed final lists), so the absence is proven, and it says nothing against the month.
 */
export function verifyDepositor(month: number, table: AllocationTable & { sha256?: string }, batchSize: number, root: string, batchRoots: readonly bigint[], user: string): { check: Check } & Partial<DepositorAnswer> {
  const row = table.userIds.indexOf(user);
  if (row < 0) {
    return {
      check: passed('roots', `the user id is not among the ${table.rows} rows of this month's table`, { reason: 'MERKLE_USER_NOT_FOUND', rows: table.rows, ...(table.sha256 ? { table: table.sha256 } : {}) }),
      notInTable: { user, rows: table.rows },
    };
  }
  const b = Math.floor(row / batchSize);
  const rows = rowsOf(table);
  const leaves = allocationBatches(month, rows.slice(b * batchSize, (b + 1) * batchSize), batchSize)[0] ?? [];
  const own = batchRoot(leaves);
  if (own !== batchRoots[b]) {
    return { check: failed('roots', new VerifyError('MERKLE_BATCH_ROOT_MISMATCH', `the table's batch ${b} does not hash to the proven batch root`, { batch: b, computed: own.toString(), proven: String(batchRoots[b]) })) };
  }
  const padded = batchRoots.slice();
  while (padded.length < nextPowerOfFour(batchRoots.length)) padded.push(0n);
  const path: InclusionPath = { row, batchSize, batchCount: batchRoots.length, batchSiblings: quadSiblings(quadLevels(leaves), row % batchSize), monthSiblings: quadSiblings(quadLevels(padded), b) };
  const mine = rows[row] ?? { uid: 0n, allocation: 0n };
  try {
    verifyInclusionPath(allocationLeaf(month, mine.uid, mine.allocation), path, BigInt('0x' + root));
  } catch (e) {
    return { check: failedOn('roots', e) };
  }
  const allocation = { user: user, row, allocation: mine.allocation.toString(), batchIndex: b, path: inclusionPathToJson(path) };
  return { check: passed('roots', `the depositor's row ${row} is in batch ${b}, whose proven root leads to the month root`, { row, batch: b, root }), allocation };
}

/** The log head grows by one leaf, this month's (consistency from the previous head, inclusion of the new leaf). */
export function verifyLog(previous: MonthLogHead | undefined, step: MonthLogStep, month: number, root: string): Check {
  try {
    verifyMonthLogStep(previous, step, { month, root: hexToBytes(root) });
    return passed('roots', `month log grows from ${previous?.size ?? 0} to ${step.size} with this month's root`, { size: step.size, root: step.root, previous: previous ?? null });
  } catch (e) {
    return failedOn('roots', e);
  }
}

export interface RootsInput {
  depth: Depth;
  month: number;
  batchSize: number;
  final?: MessageRecord<'final'>;
  finalTable?: FinalTable;
  /** Whether the program step read the final table first (and reported a table that is not the lead's). */
  programReadFinalTable: boolean;
  /** Full depth: the inputs table, whose rows the final table's must be. */
  inputs?: InputsTable;
  /** The month it starts from and its final (the previous log head). */
  previous: SignedMonth['previous'];
  /** Quick depth: the depositor, and the proven batch roots of the lead's package. */
  user?: string;
  leadBatchRoots?: readonly bigint[];
  /** Quick depth: the month's tables and the genesis' start month, for the depositor's inputs. */
  tables?: MonthTables;
  startMonth?: number;
}

/** Full depth: every row to the month root and the month log; quick depth: the depositor's row to the month root. */
export function verifyRoots(input: RootsInput): StepResult<DepositorAnswer> {
  const { final, finalTable, month, batchSize: B } = input;
  if (!final || !finalTable) return { checks: [] };
  try {
    if ('error' in finalTable) throw finalTable.error;
    if (finalTable.notLeads && !input.programReadFinalTable) throw finalTable.notLeads;
    const table = finalTable.table;
    const root = final.payload.root;
    if (input.depth === 'quick') {
      if (input.user === undefined || !input.leadBatchRoots) return { checks: [] };
      const d = verifyDepositor(month, { ...table, sha256: finalTable.sha256 }, B, root, input.leadBatchRoots, input.user);
      if (d.notInTable) return { checks: [d.check], value: { notInTable: d.notInTable } };
      if (!d.allocation) return { checks: [d.check] };
      const inputs = input.startMonth === undefined ? undefined : depositorInputs(d.allocation.row, input.tables, input.startMonth, month);
      return { checks: [d.check], value: { allocation: { ...d.allocation, ...(inputs ? { inputs } : {}) } } };
    }
    const checks: Check[] = [];
    const inputs = input.inputs;
    if (inputs && (table.rows !== inputs.rows || table.userIds.some((u, i) => u !== inputs.userIds[i]))) {
      checks.push(failed('roots', new VerifyError('TABLE_ROW_ORDER', 'the final table\'s rows are not the inputs table\'s rows', { final: table.rows, inputs: inputs.rows })));
    }
    checks.push(verifyTableRoot(month, table, B, root));
    const { previous } = input;
    if (previous.month >= 1 && !previous.final) {
      checks.push(failed('roots', new VerifyError('MERKLE_PREVIOUS_MISSING', `month ${previous.month}'s final (the previous log head, confirmed by its end) was not found`, { month: previous.month })));
    } else {
      const head = previous.final?.payload.log;
      checks.push(verifyLog(head ? { size: head.size, root: head.root } : undefined, final.payload.log, month, root));
    }
    return { checks };
  } catch (e) {
    return { checks: [failedOn('roots', e)] };
  }
}
